//! The terms as a readable clause table (issue #15): the letter's rows carry the numbers of
//! `CLAUSES.md` (L1.1 office hours, L3.3a–c and L4.1 commitments, L4.2 0.25 % per day, L4.3
//! 5 %, L5.2/L5.3 exclusions, L3.5 monitoring), the campus-network example its own clause ids
//! and numbers, and every row has words in both languages.

mod common;

use common::read_example_json;
use slacalc::clause_table::{clause_table, percent_bp, ClauseRow};
use slacalc::terms::{Terms, PRESET_EYOU_SDJU};

fn letter() -> Vec<ClauseRow> {
    let terms = Terms::preset(PRESET_EYOU_SDJU).expect("the letter's preset reads");
    clause_table(&terms)
}

fn campus() -> Vec<ClauseRow> {
    let terms: Terms = serde_json::from_value(read_example_json("terms-campus-network.json"))
        .expect("campus terms read");
    clause_table(&terms)
}

/// The rows citing `clause`.
fn rows<'a>(table: &'a [ClauseRow], clause: &str) -> Vec<&'a ClauseRow> {
    table.iter().filter(|r| r.clause == clause).collect()
}

#[test]
fn every_row_has_both_languages_and_a_clause() {
    for table in [letter(), campus()] {
        assert!(table.len() > 10);
        for r in &table {
            assert!(!r.clause.trim().is_empty(), "{r:?}");
            assert!(!r.zh.trim().is_empty(), "{r:?}");
            assert!(!r.en.trim().is_empty(), "{r:?}");
        }
    }
}

#[test]
fn the_letters_commitments_read_as_in_clauses_md() {
    let t = letter();
    // L3.3a and L3.3b: phone response "immediately", remote access within 30 min, 24×7.
    for clause in ["L3.3a", "L3.3b"] {
        let r = rows(&t, clause);
        assert_eq!(r.len(), 2, "{clause}: {r:?}");
        assert!(
            r[0].en.ends_with(
                "phone response immediately (read as within 15 min by default; 24×7 clock)"
            ),
            "{:?}",
            r[0]
        );
        assert!(
            r[0].zh
                .ends_with("电话响应 立即(默认按 15 分钟内计,24×7 时钟)"),
            "{:?}",
            r[0]
        );
        assert!(
            r[1].en.contains(
                "remote access within 30 min (24×7 clock; customer-side pauses excluded)"
            ),
            "{:?}",
            r[1]
        );
        assert!(
            r[1].zh
                .contains("远程访问 30分钟内(24×7 时钟,客户方暂停不计)"),
            "{:?}",
            r[1]
        );
    }
    assert_eq!(
        rows(&t, "L3.3a")[1].en,
        "Level 1 (urgent): remote access within 30 min (24×7 clock; customer-side pauses excluded)"
    );
    assert!(rows(&t, "L3.3b")[0].en.starts_with("Level 2 (serious): "));
    // L3.3c: response within 1 h.
    let general = rows(&t, "L3.3c");
    assert_eq!(general.len(), 1);
    assert_eq!(
        general[0].en,
        "Level 3 (general): response within 1 h (24×7 clock)"
    );
    assert_eq!(general[0].zh, "一般:响应 1小时内(24×7 时钟)");
    // L4.1: restore within 2 h at every level, vendor cause, in the warranty period.
    let restore = rows(&t, "L4.1");
    assert_eq!(restore.len(), 3);
    for r in restore {
        assert!(
            r.en.contains("restore within 2 h (vendor cause, in the warranty period; 24×7 clock; customer-side pauses excluded)"),
            "{r:?}"
        );
        assert!(r.zh.contains("恢复服务 2小时内"), "{r:?}");
    }
    // L3.3: the levels in order, with what suggests them.
    let p = rows(&t, "L3.3");
    assert_eq!(p.len(), 1);
    assert!(
        p[0].zh
            .contains("紧急(系统不能正常使用)、严重(系统受损严重)、一般(其余情况)"),
        "{:?}",
        p[0]
    );
}

#[test]
fn the_letters_damages_office_hours_and_exclusions_read_as_in_clauses_md() {
    let t = letter();
    let office = rows(&t, "L1.1");
    assert_eq!(office.len(), 1);
    assert!(
        office[0].zh.contains("周一至周五 09:00–18:00"),
        "{:?}",
        office[0]
    );
    assert!(
        office[0].en.contains("Mon–Fri 09:00–18:00"),
        "{:?}",
        office[0]
    );
    assert!(
        office[0].en.contains("statutory holidays"),
        "{:?}",
        office[0]
    );
    assert!(rows(&t, "L1.2")[0].en.contains("24×7 hotline"));
    let rate = rows(&t, "L4.2");
    assert_eq!(rate.len(), 1);
    assert!(
        rate[0].zh.contains("每中断一天支付合同总价的 0.25% 违约金"),
        "{:?}",
        rate[0]
    );
    assert!(
        rate[0]
            .en
            .contains("0.25 % of the total contract price per day"),
        "{:?}",
        rate[0]
    );
    assert!(
        rate[0].en.contains("each started day counts in full"),
        "{:?}",
        rate[0]
    );
    let cap = rows(&t, "L4.3");
    assert!(cap[0].zh.contains("不超过合同总价的 5%"), "{:?}", cap[0]);
    assert!(
        cap[0]
            .en
            .contains("never exceed 5 % of the total contract price"),
        "{:?}",
        cap[0]
    );
    assert!(
        cap[0].en.contains("cumulative over the contract"),
        "{:?}",
        cap[0]
    );
    let l52 = rows(&t, "L5.2");
    assert!(
        l52[0]
            .zh
            .starts_with("由客户方停电、客户方进水、客户方 UPS 电力中断引起"),
        "{:?}",
        l52[0]
    );
    assert!(l52[0].en.contains("best-effort"), "{:?}", l52[0]);
    let l53 = rows(&t, "L5.3");
    assert!(l53[0].en.contains("server hardware, the operating system, customer mis-operation or the network environment: no SLA timer"), "{:?}", l53[0]);
    assert!(rows(&t, "L3.5")[0].en.contains("every 3 months"));
    assert!(rows(&t, "L3.4")[0].en.contains("remote access and restore"));
    assert_eq!(rows(&t, "L5.1").len(), 1);
    // Clause order as in CLAUSES.md.
    let order: Vec<&str> = t.iter().map(|r| r.clause.as_str()).collect();
    assert_eq!(
        order,
        [
            "L1.1", "L1.2", "L3.3", "L3.3a", "L3.3a", "L4.1", "L3.3b", "L3.3b", "L4.1", "L3.3c",
            "L4.1", "L3.4", "L3.5", "L4.2", "L4.3", "L5.1", "L5.2", "L5.3"
        ]
    );
}

#[test]
fn the_campus_terms_show_their_own_clauses_and_numbers() {
    let t = campus();
    assert!(t.iter().all(|r| r.clause.starts_with('N')), "{t:?}");
    let p1 = rows(&t, "N3.1");
    assert_eq!(p1.len(), 2);
    assert_eq!(
        p1[0].en,
        "Level 1 (P1: campus-wide outage): phone response within 10 min (24×7 clock)"
    );
    assert_eq!(p1[0].zh, "一级:全网中断:电话响应 10分钟内(24×7 时钟)");
    let restore = rows(&t, "N4.1");
    let within: Vec<bool> = ["4 h", "8 h", "24 h"]
        .iter()
        .zip(&restore)
        .map(|(w, r)| r.en.contains(&format!("restore within {w}")))
        .collect();
    assert_eq!(within, [true, true, true], "{restore:?}");
    assert!(rows(&t, "N3.4")[0]
        .en
        .contains("Level 4 (P4: minor request): response within 8 h"));
    let rate = rows(&t, "N4.2");
    assert!(
        rate[0]
            .en
            .contains("0.05 % of the total contract price per hour"),
        "{:?}",
        rate[0]
    );
    assert!(
        rate[0]
            .zh
            .contains("每中断一小时支付合同总价的 0.05% 违约金;每开始一小时计一小时"),
        "{:?}",
        rate[0]
    );
    assert!(rows(&t, "N4.3")[0].en.contains("never exceed 3 %"));
    assert!(rows(&t, "N5.3")[0]
        .en
        .contains("Caused by server hardware: every deadline extended by 4 h"));
    assert!(rows(&t, "N5.3")[0].zh.contains("所有期限顺延 4小时"));
    assert!(rows(&t, "N5.2")[0].en.contains("no SLA timer"));
    assert!(rows(&t, "N3.6")[0].en.contains("every 6 months"));
    // No out-of-hours clause in these terms: no such row.
    assert!(!t.iter().any(|r| r.en.contains("Outside office hours")));
}

#[test]
fn an_office_hours_clock_is_named_and_no_holidays_is_said() {
    let mut terms = Terms::preset(PRESET_EYOU_SDJU).expect("preset");
    terms.levels[2].commitments[0].clock = slacalc::terms::Clock::OfficeHours;
    terms.office_hours.prc_holidays = false;
    terms.office_hours.days = vec!["sat".into(), "sun".into()];
    // Unchecked terms still read: an extension without its duration, a monthly report.
    terms.exclusions[0].effect = slacalc::terms::Effect::Extend;
    terms.monitoring = Some(slacalc::terms::Monitoring {
        every_months: 1,
        clause: "L3.5".into(),
    });
    let t = clause_table(&terms);
    assert!(rows(&t, "L5.2")[0]
        .en
        .ends_with(": every deadline extended"));
    assert!(rows(&t, "L3.5")[0].en.contains("one report every month,"));
    assert_eq!(
        rows(&t, "L3.3c")[0].en,
        "Level 3 (general): response within 1 h (office-hours clock)"
    );
    assert!(rows(&t, "L1.1")[0]
        .en
        .contains("Sat, Sun 09:00–18:00 (UTC+08:00), no holiday calendar"));
}

#[test]
fn percentages_come_from_basis_points_without_floats() {
    assert_eq!(percent_bp(25), "0.25");
    assert_eq!(percent_bp(500), "5");
    assert_eq!(percent_bp(250), "2.5");
    assert_eq!(percent_bp(5), "0.05");
    assert_eq!(percent_bp(0), "0");
    assert_eq!(percent_bp(10_000), "100");
    assert_eq!(percent_bp(1_205), "12.05");
}
