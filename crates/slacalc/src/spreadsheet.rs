//! Incident logs as Chinese offices keep them in Excel or WPS (issue #16): header names in
//! Chinese or English with their usual synonyms, values in words (是/否, 紧急/严重/一般,
//! causes in Chinese), times as spreadsheets write them (`2025/3/3 8:10`,
//! `2025年3月3日 8时10分`, serial numbers of the 1900 and 1904 date systems), and the
//! separator (comma, tab or semicolon). This is the one table of synonyms every front end
//! reads with (`table::read_table`); `docs/case-format.md` lists it.

use chrono::{NaiveDate, NaiveDateTime};

/// The header names each case field is recognised by, besides its own name (compared without
/// case, spaces, `_`, `-`, and units in brackets such as `(%)` or `(时间)`).
pub const HEADER_SYNONYMS: [(&str, &[&str]); 15] = [
    (
        "id",
        &[
            "编号",
            "事件编号",
            "工单号",
            "工单编号",
            "事件号",
            "故障编号",
            "ticket",
            "incident",
        ],
    ),
    (
        "reported_at",
        &[
            "报告时间",
            "报障时间",
            "受理时间",
            "报修时间",
            "报告",
            "reported",
            "report time",
        ],
    ),
    (
        "declared_priority",
        &[
            "优先级",
            "声明优先级",
            "客户说明的优先级",
            "级别",
            "priority",
        ],
    ),
    (
        "mailboxes_affected_pct",
        &[
            "受影响邮箱比例",
            "受影响比例",
            "受影响邮箱",
            "影响比例",
            "影响范围",
            "affected",
            "affected pct",
            "mailboxes affected",
        ],
    ),
    (
        "system_usable",
        &["系统可用", "系统是否可用", "是否可用", "可用", "usable"],
    ),
    (
        "seriously_damaged",
        &[
            "严重损坏",
            "系统严重受损",
            "是否严重损坏",
            "严重受损",
            "damaged",
        ],
    ),
    ("kind", &["类型", "事件类型", "性质", "type"]),
    ("cause", &["原因", "故障原因", "责任方"]),
    (
        "interrupted_from",
        &[
            "中断开始",
            "故障开始",
            "中断时间",
            "故障时间",
            "中断开始时间",
            "故障开始时间",
            "outage start",
            "interrupted",
        ],
    ),
    (
        "restored_at",
        &["恢复时间", "修复时间", "恢复", "restored", "restore time"],
    ),
    (
        "phone_response_at",
        &["电话响应时间", "电话响应", "phone response"],
    ),
    (
        "remote_access_at",
        &[
            "远程接入时间",
            "远程接入",
            "远程访问时间",
            "远程访问",
            "remote access",
        ],
    ),
    ("response_at", &["响应时间", "响应", "response"]),
    ("force_majeure", &["不可抗力"]),
    (
        "customer_pauses",
        &["客户暂停", "客户方暂停", "暂停", "pauses"],
    ),
];

/// A header name reduced for comparison: no case, spaces, `_`, `-`, `.`, `facts.` prefix or
/// bracketed units (half- or full-width).
fn reduce(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{feff}');
    let h = h.strip_prefix("facts.").unwrap_or(h);
    let mut out = String::new();
    let mut depth = 0u32;
    for c in h.chars() {
        match c {
            '(' | '\u{ff08}' | '[' | '【' => depth += 1,
            ')' | '\u{ff09}' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ' ' | '_' | '-' | '.' | '\u{3000}' | ':' | '\u{ff1a}' => {}
            // ASCII only: Chinese has no case, and Unicode's case tables would cost the page's
            // first load about 10 KB.
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// The case field a header names, by its own name or a synonym ([`HEADER_SYNONYMS`]).
pub fn field_of_header(header: &str) -> Option<&'static str> {
    let h = reduce(header);
    HEADER_SYNONYMS.iter().find_map(|(field, names)| {
        (reduce(field) == h || names.iter().any(|n| reduce(n) == h)).then_some(*field)
    })
}

/// Whether a header is a case field's own name (not a synonym).
pub fn is_field_name(header: &str) -> bool {
    let h = reduce(header);
    HEADER_SYNONYMS.iter().any(|(field, _)| reduce(field) == h)
}

/// The encodings incident logs come in (issue #16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian, with its byte-order mark (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian, with its byte-order mark.
    Utf16Be,
    /// GB18030, a superset of GBK (Excel's and WPS's "CSV (逗号分隔)" on Chinese Windows).
    Gb18030,
}

impl TextEncoding {
    /// Its WHATWG label, which both the browser's `TextDecoder` and `encoding_rs` take.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Gb18030 => "gb18030",
        }
    }

    /// Its name as an import summary shows it.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030",
        }
    }
}

/// The encoding of a file's bytes, found, never asked: a byte-order mark decides; else UTF-8
/// if the bytes are valid UTF-8; else GB18030. Returns it and the length of its byte-order
/// mark, for the front end to decode the rest with its own decoder.
pub fn sniff_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (TextEncoding::Utf8, 3),
        [0xFF, 0xFE, ..] => (TextEncoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (TextEncoding::Utf16Be, 2),
        _ if std::str::from_utf8(bytes).is_ok() => (TextEncoding::Utf8, 0),
        _ => (TextEncoding::Gb18030, 0),
    }
}

/// The separator of a table: the one of tab, `;` and `,` that occurs most often in its first
/// line outside quotes (a comma when none does).
pub fn sniff_separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b'\t', b';', b','];
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        seps[best]
    }
}

/// Yes or no in words: `是`/`否`, `有`/`无`, `yes`/`no`, `y`/`n`, `true`/`false`, `1`/`0`, `√`/`×`.
pub fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "是" | "有" | "√" | "✓" | "对" => Some(true),
        "false" | "no" | "n" | "0" | "否" | "无" | "×" | "✗" | "不" | "不是" => Some(false),
        _ => None,
    }
}

/// A cause (L5) in the words a log uses, as the case format names it.
pub fn cause_word(cell: &str) -> Option<&'static str> {
    const CAUSES: [(&str, &[&str]); 9] = [
        (
            "vendor",
            &[
                "供应商",
                "厂商",
                "原厂",
                "乙方",
                "软件",
                "供应商原因",
                "厂商原因",
            ],
        ),
        (
            "customer_power",
            &["停电", "断电", "客户方停电", "客户停电", "电力"],
        ),
        ("customer_water", &["漏水", "进水", "水浸", "客户方漏水"]),
        (
            "customer_ups",
            &["ups", "ups故障", "ups 故障", "客户方ups故障"],
        ),
        ("server_hardware", &["服务器硬件", "硬件", "硬件故障"]),
        ("operating_system", &["操作系统", "系统软件", "os"]),
        (
            "customer_misoperation",
            &["误操作", "客户误操作", "客户方误操作", "人为误操作"],
        ),
        ("network", &["网络", "网络环境", "网络故障"]),
        ("unknown", &["未知", "不明", "待查", "原因不明"]),
    ];
    let c = cell.trim().to_ascii_lowercase();
    CAUSES
        .iter()
        .find(|(_, words)| words.iter().any(|w| *w == c))
        .map(|(id, _)| *id)
}

/// A share of mailboxes (L2.1) in words: `多数`/`大多数`/`大部分` → most, `少数`/`个别`/`小部分` → few.
pub fn share_word(cell: &str) -> Option<&'static str> {
    match cell.trim() {
        "多数" | "大多数" | "大部分" | "过半" => Some("most"),
        "少数" | "个别" | "小部分" | "部分" => Some("few"),
        _ => None,
    }
}

/// A request kind (L2.3) in words: `故障` → fault, `咨询` → consultation.
pub fn kind_word(cell: &str) -> Option<&'static str> {
    match cell.trim() {
        "故障" | "中断" | "故障报修" => Some("fault"),
        "咨询" | "问询" | "咨询类" => Some("consultation"),
        _ => None,
    }
}

/// The date system of serial numbers: Excel and WPS count days from 1900 (with 1900 taken as
/// a leap year), or from 1904 (old Mac workbooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSystem {
    /// Day 1 = 1900-01-01; day 60 is the 29 February 1900 that never was.
    #[default]
    From1900,
    /// Day 0 = 1904-01-01.
    From1904,
}

/// A serial date-time as a spreadsheet writes it (`45719.34027777778` = 2025-03-03 08:10) as
/// wall-clock time, to the second (rounded: spreadsheets keep a fraction of a day in binary).
/// Read exactly from its decimal digits, without floating point. `None` for anything else,
/// outside 1900–9999, or for day 60 of the 1900 system.
pub fn serial_time(text: &str, system: DateSystem) -> Option<NaiveDateTime> {
    let (whole, frac) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let days: i64 = whole.parse().ok().filter(|d| *d < 2_958_466)?;
    // The fraction of a day in seconds, rounded half up: frac / 10^len × 86,400.
    let digits = &frac[..frac.len().min(18)];
    let secs = if digits.is_empty() {
        0
    } else {
        let num: i128 = digits.parse().ok()?;
        let den = 10i128.checked_pow(u32::try_from(digits.len()).ok()?)?;
        i64::try_from((num * 86_400 * 2 + den) / (2 * den)).ok()?
    };
    let (days, secs) = (days + secs / 86_400, secs % 86_400);
    let base = match system {
        // Serial 1 = 1900-01-01; serials from 61 on count one day too many (the phantom
        // 29 February 1900), so they count from 1899-12-30.
        DateSystem::From1900 if days == 60 => return None,
        DateSystem::From1900 if days < 60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        DateSystem::From1900 => NaiveDate::from_ymd_opt(1899, 12, 30)?,
        DateSystem::From1904 => NaiveDate::from_ymd_opt(1904, 1, 1)?,
    };
    let date = base.checked_add_days(chrono::Days::new(u64::try_from(days).ok()?))?;
    let secs = u32::try_from(secs).ok()?;
    date.and_hms_opt(secs / 3600, secs / 60 % 60, secs % 60)
}

/// A time as spreadsheets write it, read as wall-clock time:
/// - `2025/3/3 8:10`, `2025-3-3 8:10:00`, `2025.03.03 08:10` (one- or two-digit month, day
///   and hour; seconds optional);
/// - `2025年3月3日 8时10分`, `2025年3月3日 8时10分5秒`, `2025年3月3日 08:10`;
/// - a serial number of `system` (`45719.34027777778`).
pub fn cell_time(cell: &str, system: DateSystem) -> Option<NaiveDateTime> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    // A number alone is a serial (a bare count below 367 is not a time).
    let numeric = t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if numeric && (t.contains('.') || t.parse::<u32>().is_ok_and(|d| d > 366)) {
        return serial_time(t, system);
    }
    // Numbers in order; the separators only need to be of the kinds spreadsheets use.
    let mut nums: Vec<u32> = Vec::with_capacity(6);
    let mut cur: Option<u32> = None;
    for c in t.chars() {
        if let Some(d) = c.to_digit(10) {
            cur = Some(cur.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            continue;
        }
        if let Some(n) = cur.take() {
            nums.push(n);
        }
        if !matches!(
            c,
            '/' | '-'
                | '.'
                | ':'
                | ' '
                | 'T'
                | '年'
                | '月'
                | '日'
                | '时'
                | '分'
                | '秒'
                | '点'
                | '\u{ff1a}'
                | '\u{3000}'
        ) {
            return None;
        }
    }
    if let Some(n) = cur {
        nums.push(n);
    }
    let (y, mo, d, h, mi, s) = match nums.as_slice() {
        [y, mo, d, h, mi] => (*y, *mo, *d, *h, *mi, 0),
        [y, mo, d, h, mi, s] => (*y, *mo, *d, *h, *mi, *s),
        _ => return None,
    };
    if !(1900..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, mo, d)?.and_hms_opt(h, mi, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn headers_in_chinese_or_english_name_their_fields() {
        assert_eq!(field_of_header("编号"), Some("id"));
        assert_eq!(field_of_header("工单号"), Some("id"));
        assert_eq!(field_of_header(" 报障时间 "), Some("reported_at"));
        assert_eq!(field_of_header("受理时间"), Some("reported_at"));
        assert_eq!(field_of_header("故障开始"), Some("interrupted_from"));
        assert_eq!(field_of_header("修复时间"), Some("restored_at"));
        assert_eq!(field_of_header("故障原因"), Some("cause"));
        assert_eq!(
            field_of_header("受影响邮箱比例(%)"),
            Some("mailboxes_affected_pct")
        );
        assert_eq!(field_of_header("Reported At"), Some("reported_at"));
        assert_eq!(field_of_header("facts.kind"), Some("kind"));
        assert_eq!(field_of_header("\u{feff}id"), Some("id"));
        assert_eq!(field_of_header("备注"), None);
        assert!(is_field_name("reported_at") && !is_field_name("报障时间"));
    }

    #[test]
    fn the_encoding_is_found_from_the_bytes() {
        assert_eq!(sniff_encoding(b"\xEF\xBB\xBFid"), (TextEncoding::Utf8, 3));
        assert_eq!(sniff_encoding(b"\xFF\xFEi\0"), (TextEncoding::Utf16Le, 2));
        assert_eq!(sniff_encoding(b"\xFE\xFF\0i"), (TextEncoding::Utf16Be, 2));
        assert_eq!(sniff_encoding("编号".as_bytes()), (TextEncoding::Utf8, 0));
        // 编号 in GBK.
        assert_eq!(
            sniff_encoding(b"\xB1\xE0\xBA\xC5"),
            (TextEncoding::Gb18030, 0)
        );
    }

    #[test]
    fn the_separator_is_found() {
        assert_eq!(sniff_separator("a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_separator("a\tb\tc\n"), b'\t');
        assert_eq!(sniff_separator("a;b;c"), b';');
        assert_eq!(sniff_separator("\"a,b\";c;d"), b';');
        assert_eq!(sniff_separator("single"), b',');
    }

    #[test]
    fn words_for_yes_no_causes_and_kinds() {
        assert_eq!(yes_no("是"), Some(true));
        assert_eq!(yes_no("否"), Some(false));
        assert_eq!(yes_no("YES"), Some(true));
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(cause_word("停电"), Some("customer_power"));
        assert_eq!(cause_word("UPS故障"), Some("customer_ups"));
        assert_eq!(cause_word("供应商"), Some("vendor"));
        assert_eq!(cause_word("vendor"), None);
        assert_eq!(kind_word("咨询"), Some("consultation"));
        assert_eq!(share_word("多数"), Some("most"));
        assert_eq!(share_word("少数"), Some("few"));
    }

    #[test]
    fn times_as_spreadsheets_write_them() {
        let want = at("2025-03-03 08:10:00");
        for t in [
            "2025/3/3 8:10",
            "2025-3-3 8:10:00",
            "2025.03.03 08:10",
            "2025年3月3日 8时10分",
            "2025年3月3日 08:10",
            "2025年3月3日8时10分0秒",
            "45719.34027777778",
        ] {
            assert_eq!(cell_time(t, DateSystem::From1900), Some(want), "{t}");
        }
        assert_eq!(
            cell_time("44257.34027777778", DateSystem::From1904),
            Some(want)
        );
        assert_eq!(cell_time("2025/2/30 8:10", DateSystem::From1900), None);
        assert_eq!(cell_time("2025/3/3", DateSystem::From1900), None);
        assert_eq!(cell_time("8:10", DateSystem::From1900), None);
        assert_eq!(cell_time("2025/3/3 8:10 pm", DateSystem::From1900), None);
    }

    #[test]
    fn the_1900_system_keeps_excels_leap_year_quirk() {
        // Serial 59 = 1900-02-28, 60 = the 29 February 1900 that never was, 61 = 1 March.
        let s1900 = |t| serial_time(t, DateSystem::From1900);
        assert_eq!(s1900("59"), Some(at("1900-02-28 00:00:00")));
        assert_eq!(s1900("60"), None);
        assert_eq!(s1900("61"), Some(at("1900-03-01 00:00:00")));
        assert_eq!(s1900("1"), Some(at("1900-01-01 00:00:00")));
        assert_eq!(
            serial_time("0", DateSystem::From1904),
            Some(at("1904-01-01 00:00:00"))
        );
        // Rounded to the second: 43,200.49999… s is noon, 43,200.50000… s one second past;
        // 0.99999999999 of a day is the next midnight.
        assert_eq!(s1900("45719.5000057870"), Some(at("2025-03-03 12:00:00")));
        assert_eq!(s1900("45719.5000057871"), Some(at("2025-03-03 12:00:01")));
        assert_eq!(s1900("45719.99999999999"), Some(at("2025-03-04 00:00:00")));
        for bad in [
            "",
            "-1",
            "1e5",
            "NaN",
            ".5",
            "4571a",
            "99999999999999999999",
        ] {
            assert_eq!(s1900(bad), None, "{bad:?}");
        }
    }
}
