//! The PRC statutory holiday calendar (L1.1 "minus PRC statutory holidays, plus the official
//! make-up workdays 调休上班日"), written from the State Council's yearly notices
//! (国务院办公厅关于XXXX年部分节假日安排的通知) and their amendments.
//!
//! Data only: one [`Notice`] per document, each listing its days off (放假, as the whole break
//! the notice sets, weekend days included where the notice joins them, e.g. 与周末连休) and its
//! make-up workdays (上班). A later notice overrides an earlier one for the same date (the 2019
//! Labour Day change and the 2020 Spring Festival extension). The table covers 2004-01-01 to
//! 2026-12-31: the 2027 notice was not in the sources available when this table was written.
//! `tests/prc_check.py` compares every covered date with the independent `chinesecalendar`
//! package.

/// The first covered year.
pub const FIRST_YEAR: u16 = 2004;
/// The last covered year.
pub const LAST_YEAR: u16 = 2026;

/// A festival, as the notices name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Festival {
    /// 元旦.
    NewYear,
    /// 春节.
    Spring,
    /// 清明节.
    Qingming,
    /// 劳动节 (“五一”).
    Labour,
    /// 端午节.
    DragonBoat,
    /// 中秋节.
    MidAutumn,
    /// 国庆节 (“十一”).
    National,
    /// 中秋节、国庆节 together.
    NationalMidAutumn,
    /// 2015: 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日.
    Victory70,
}

impl Festival {
    /// (Chinese, English) name.
    pub fn names(self) -> (&'static str, &'static str) {
        NAMES[self as usize]
    }
}

/// (Chinese, English) names, in the order of [`Festival`].
const NAMES: [(&str, &str); 9] = [
    ("元旦", "New Year's Day"),
    ("春节", "Spring Festival"),
    ("清明节", "Qingming Festival"),
    ("劳动节", "Labour Day"),
    ("端午节", "Dragon Boat Festival"),
    ("中秋节", "Mid-Autumn Festival"),
    ("国庆节", "National Day"),
    ("国庆节、中秋节", "National Day and Mid-Autumn Festival"),
    (
        "抗战胜利70周年纪念日",
        "70th anniversary of the victory of the War of Resistance",
    ),
];

/// A date of the table as days since 2000-01-01, kept small: the table ships in the web page.
/// Written in the table as `d(2025, 10, 1)`, checked and converted at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd(pub u16);

/// Day number (days since 1970-01-01) of 2000-01-01.
pub const EPOCH_2000: i64 = 10_957;

/// Day number of the first covered date, [`FIRST_YEAR`]-01-01.
pub const fn first_day() -> i64 {
    EPOCH_2000 + jan1(FIRST_YEAR) as i64
}

/// Day number of the last covered date, [`LAST_YEAR`]-12-31.
pub const fn last_day() -> i64 {
    EPOCH_2000 + jan1(LAST_YEAR + 1) as i64 - 1
}

impl Ymd {
    /// Day number (days since 1970-01-01).
    pub fn day_number(self) -> i64 {
        EPOCH_2000 + i64::from(self.0)
    }
}

/// What a notice says of a run of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ruling {
    /// Days off (放假), first to last inclusive.
    Off(Ymd, Ymd),
    /// A make-up workday (调休上班日).
    Work(Ymd),
}

/// One State Council document and what it rules.
#[derive(Debug, Clone, Copy)]
pub struct Notice {
    /// The year it arranges.
    pub year: u16,
    /// Document number, e.g. 国办发明电〔2024〕12号; for 2004, 2005 and 2008 the number could
    /// not be confirmed in the sources available, and the title is given instead.
    pub number: &'static str,
    /// The rulings, festival by festival.
    pub days: &'static [Rule],
}

/// One ruling of a notice, packed into 3 bytes (the table ships in the web page, and day-of-year
/// values repeat from year to year, which compresses well): day of year of its first day
/// (9 bits), number of days − 1 (4 bits), make-up workday flag, parity of its year (the
/// notice's year or the one before), festival (4 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule([u8; 3]);

const FESTIVALS: [Festival; 9] = [
    NewYear,
    Spring,
    Qingming,
    Labour,
    DragonBoat,
    MidAutumn,
    National,
    NationalMidAutumn,
    Victory70,
];

impl Rule {
    fn bits(self) -> u32 {
        u32::from(self.0[0]) | u32::from(self.0[1]) << 8 | u32::from(self.0[2]) << 16
    }

    /// The festival it is for.
    pub fn festival(self) -> Festival {
        FESTIVALS[(self.bits() >> 15) as usize % FESTIVALS.len()]
    }

    /// What it rules, for a notice arranging `year`.
    pub fn ruling(self, year: u16) -> Ruling {
        let v = self.bits();
        let parity = (v >> 14) & 1;
        let y = if u32::from(year) & 1 == parity {
            year
        } else {
            year.saturating_sub(1)
        };
        let first = Ymd(jan1(y).saturating_add((v & 511) as u16));
        if v & (1 << 13) != 0 {
            Ruling::Work(first)
        } else {
            Ruling::Off(first, Ymd(first.0 + ((v >> 9) & 15) as u16))
        }
    }
}

/// Days from 2000-01-01 to 1 January of `year` (2000 or later), in closed form: every
/// holiday lookup decodes a few dozen rulings, so this must not loop over the years.
const fn jan1(year: u16) -> u16 {
    days_to_jan1(year as u32) as u16
}

/// [`jan1`] without the table's range limit.
const fn days_to_jan1(year: u32) -> u32 {
    let n = year.saturating_sub(2000);
    // Leap years in 2000..year: every 4th from 2000, less the centuries, plus every 400th.
    let leap = n.div_ceil(4) - n.div_ceil(100) + n.div_ceil(400);
    365 * n + leap
}

/// The year a date of the table falls in.
pub fn year_of(at: Ymd) -> u16 {
    let d = u32::from(at.0);
    // 146,097 days every 400 years: the estimate is at most a year off either way.
    let mut y = 2000 + d * 400 / 146_097;
    if days_to_jan1(y) > d {
        y -= 1;
    } else if days_to_jan1(y + 1) <= d {
        y += 1;
    }
    y as u16
}

/// The year of a date of the table and its day of year (0-based).
const fn year_and_day(at: Ymd) -> (u16, u16) {
    let mut y = 2000;
    while jan1(y + 1) <= at.0 {
        y += 1;
    }
    (y, at.0 - jan1(y))
}

const fn pack(f: Festival, first: Ymd, extra_days: u16, work: bool) -> Rule {
    let (y, doy) = year_and_day(first);
    assert!(extra_days < 16, "a break of 1 to 16 days");
    let v = doy as u32
        | (extra_days as u32) << 9
        | (work as u32) << 13
        | ((y & 1) as u32) << 14
        | (f as u32) << 15;
    Rule([v as u8, (v >> 8) as u8, (v >> 16) as u8])
}

/// Days off from `a` to `b` inclusive.
const fn off(f: Festival, a: Ymd, b: Ymd) -> Rule {
    assert!(b.0 >= a.0, "a break ends after it starts");
    pack(f, a, b.0 - a.0, false)
}

/// A make-up workday.
const fn work(f: Festival, a: Ymd) -> Rule {
    pack(f, a, 0, true)
}

use Festival::*;

/// `y-m-day` as a [`Ymd`]; an impossible date (or one before 2000) fails the build.
const fn d(y: i64, m: i64, day: i64) -> Ymd {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        _ => panic!("month out of range"),
    };
    assert!(day >= 1 && day <= month_len, "day out of range");
    assert!(y >= 2000 && y < 2170, "year out of range");
    // Days from civil (proleptic Gregorian), shifted so that March starts the year.
    let (yy, mm) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = yy / 400;
    let yoe = yy - era * 400;
    let doy = (153 * mm + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468 - EPOCH_2000;
    Ymd(days as u16)
}

/// Every notice, in the order they apply (amendments after the notice they amend).
#[rustfmt::skip]
pub const NOTICES: &[Notice] = &[
    Notice { year: 2004, number: "国务院办公厅关于2004年部分节假日安排的通知", days: &[
        off(NewYear, d(2004, 1, 1), d(2004, 1, 1)),
        off(Spring, d(2004, 1, 22), d(2004, 1, 28)), work(Spring, d(2004, 1, 17)), work(Spring, d(2004, 1, 18)),
        off(Labour, d(2004, 5, 1), d(2004, 5, 7)), work(Labour, d(2004, 5, 8)), work(Labour, d(2004, 5, 9)),
        off(National, d(2004, 10, 1), d(2004, 10, 7)), work(National, d(2004, 10, 9)), work(National, d(2004, 10, 10)),
    ]},
    Notice { year: 2005, number: "国务院办公厅关于2005年部分节假日安排的通知", days: &[
        off(NewYear, d(2005, 1, 1), d(2005, 1, 3)),
        off(Spring, d(2005, 2, 9), d(2005, 2, 15)), work(Spring, d(2005, 2, 5)), work(Spring, d(2005, 2, 6)),
        off(Labour, d(2005, 5, 1), d(2005, 5, 7)), work(Labour, d(2005, 4, 30)), work(Labour, d(2005, 5, 8)),
        off(National, d(2005, 10, 1), d(2005, 10, 7)), work(National, d(2005, 10, 8)), work(National, d(2005, 10, 9)),
    ]},
    // Issued 2005-12-16.
    Notice { year: 2006, number: "国办发明电〔2005〕35号", days: &[
        off(NewYear, d(2006, 1, 1), d(2006, 1, 3)), work(NewYear, d(2005, 12, 31)),
        off(Spring, d(2006, 1, 29), d(2006, 2, 4)), work(Spring, d(2006, 1, 28)), work(Spring, d(2006, 2, 5)),
        off(Labour, d(2006, 5, 1), d(2006, 5, 7)), work(Labour, d(2006, 4, 29)), work(Labour, d(2006, 4, 30)),
        off(National, d(2006, 10, 1), d(2006, 10, 7)), work(National, d(2006, 9, 30)), work(National, d(2006, 10, 8)),
    ]},
    // Issued 2006-12-14.
    Notice { year: 2007, number: "国办发明电〔2006〕49号", days: &[
        off(NewYear, d(2007, 1, 1), d(2007, 1, 3)), work(NewYear, d(2006, 12, 30)), work(NewYear, d(2006, 12, 31)),
        off(Spring, d(2007, 2, 18), d(2007, 2, 24)), work(Spring, d(2007, 2, 17)), work(Spring, d(2007, 2, 25)),
        off(Labour, d(2007, 5, 1), d(2007, 5, 7)), work(Labour, d(2007, 4, 28)), work(Labour, d(2007, 4, 29)),
        off(National, d(2007, 10, 1), d(2007, 10, 7)), work(National, d(2007, 9, 29)), work(National, d(2007, 9, 30)),
    ]},
    Notice { year: 2008, number: "国务院办公厅关于2008年部分节假日安排的通知", days: &[
        off(NewYear, d(2007, 12, 30), d(2008, 1, 1)), work(NewYear, d(2007, 12, 29)),
        off(Spring, d(2008, 2, 6), d(2008, 2, 12)), work(Spring, d(2008, 2, 2)), work(Spring, d(2008, 2, 3)),
        off(Qingming, d(2008, 4, 4), d(2008, 4, 6)),
        off(Labour, d(2008, 5, 1), d(2008, 5, 3)), work(Labour, d(2008, 5, 4)),
        off(DragonBoat, d(2008, 6, 7), d(2008, 6, 9)),
        off(MidAutumn, d(2008, 9, 13), d(2008, 9, 15)),
        off(National, d(2008, 9, 29), d(2008, 10, 5)), work(National, d(2008, 9, 27)), work(National, d(2008, 9, 28)),
    ]},
    // Issued 2008-12-10.
    Notice { year: 2009, number: "国办发明电〔2008〕42号", days: &[
        off(NewYear, d(2009, 1, 1), d(2009, 1, 3)), work(NewYear, d(2009, 1, 4)),
        off(Spring, d(2009, 1, 25), d(2009, 1, 31)), work(Spring, d(2009, 1, 24)), work(Spring, d(2009, 2, 1)),
        off(Qingming, d(2009, 4, 4), d(2009, 4, 6)),
        off(Labour, d(2009, 5, 1), d(2009, 5, 3)),
        off(DragonBoat, d(2009, 5, 28), d(2009, 5, 30)), work(DragonBoat, d(2009, 5, 31)),
        off(NationalMidAutumn, d(2009, 10, 1), d(2009, 10, 8)), work(NationalMidAutumn, d(2009, 9, 27)), work(NationalMidAutumn, d(2009, 10, 10)),
    ]},
    // Issued 2009-12-07.
    Notice { year: 2010, number: "国办发明电〔2009〕27号", days: &[
        off(NewYear, d(2010, 1, 1), d(2010, 1, 3)),
        off(Spring, d(2010, 2, 13), d(2010, 2, 19)), work(Spring, d(2010, 2, 20)), work(Spring, d(2010, 2, 21)),
        off(Qingming, d(2010, 4, 3), d(2010, 4, 5)),
        off(Labour, d(2010, 5, 1), d(2010, 5, 3)),
        off(DragonBoat, d(2010, 6, 14), d(2010, 6, 16)), work(DragonBoat, d(2010, 6, 12)), work(DragonBoat, d(2010, 6, 13)),
        off(MidAutumn, d(2010, 9, 22), d(2010, 9, 24)), work(MidAutumn, d(2010, 9, 19)), work(MidAutumn, d(2010, 9, 25)),
        off(National, d(2010, 10, 1), d(2010, 10, 7)), work(National, d(2010, 9, 26)), work(National, d(2010, 10, 9)),
    ]},
    // Issued 2010-12-09.
    Notice { year: 2011, number: "国办发明电〔2010〕40号", days: &[
        off(NewYear, d(2011, 1, 1), d(2011, 1, 3)),
        off(Spring, d(2011, 2, 2), d(2011, 2, 8)), work(Spring, d(2011, 1, 30)), work(Spring, d(2011, 2, 12)),
        off(Qingming, d(2011, 4, 3), d(2011, 4, 5)), work(Qingming, d(2011, 4, 2)),
        off(Labour, d(2011, 4, 30), d(2011, 5, 2)),
        off(DragonBoat, d(2011, 6, 4), d(2011, 6, 6)),
        off(MidAutumn, d(2011, 9, 10), d(2011, 9, 12)),
        off(National, d(2011, 10, 1), d(2011, 10, 7)), work(National, d(2011, 10, 8)), work(National, d(2011, 10, 9)),
    ]},
    // Issued 2011-12-05.
    Notice { year: 2012, number: "国办发明电〔2011〕45号", days: &[
        off(NewYear, d(2012, 1, 1), d(2012, 1, 3)), work(NewYear, d(2011, 12, 31)),
        off(Spring, d(2012, 1, 22), d(2012, 1, 28)), work(Spring, d(2012, 1, 21)), work(Spring, d(2012, 1, 29)),
        off(Qingming, d(2012, 4, 2), d(2012, 4, 4)), work(Qingming, d(2012, 3, 31)), work(Qingming, d(2012, 4, 1)),
        off(Labour, d(2012, 4, 29), d(2012, 5, 1)), work(Labour, d(2012, 4, 28)),
        off(DragonBoat, d(2012, 6, 22), d(2012, 6, 24)),
        off(NationalMidAutumn, d(2012, 9, 30), d(2012, 10, 7)), work(NationalMidAutumn, d(2012, 9, 29)),
    ]},
    // Issued 2012-12-08.
    Notice { year: 2013, number: "国办发明电〔2012〕33号", days: &[
        off(NewYear, d(2013, 1, 1), d(2013, 1, 3)), work(NewYear, d(2013, 1, 5)), work(NewYear, d(2013, 1, 6)),
        off(Spring, d(2013, 2, 9), d(2013, 2, 15)), work(Spring, d(2013, 2, 16)), work(Spring, d(2013, 2, 17)),
        off(Qingming, d(2013, 4, 4), d(2013, 4, 6)), work(Qingming, d(2013, 4, 7)),
        off(Labour, d(2013, 4, 29), d(2013, 5, 1)), work(Labour, d(2013, 4, 27)), work(Labour, d(2013, 4, 28)),
        off(DragonBoat, d(2013, 6, 10), d(2013, 6, 12)), work(DragonBoat, d(2013, 6, 8)), work(DragonBoat, d(2013, 6, 9)),
        off(MidAutumn, d(2013, 9, 19), d(2013, 9, 21)), work(MidAutumn, d(2013, 9, 22)),
        off(National, d(2013, 10, 1), d(2013, 10, 7)), work(National, d(2013, 9, 29)), work(National, d(2013, 10, 12)),
    ]},
    // Issued 2013-12-11.
    Notice { year: 2014, number: "国办发明电〔2013〕28号", days: &[
        off(NewYear, d(2014, 1, 1), d(2014, 1, 1)),
        off(Spring, d(2014, 1, 31), d(2014, 2, 6)), work(Spring, d(2014, 1, 26)), work(Spring, d(2014, 2, 8)),
        off(Qingming, d(2014, 4, 5), d(2014, 4, 7)),
        off(Labour, d(2014, 5, 1), d(2014, 5, 3)), work(Labour, d(2014, 5, 4)),
        off(DragonBoat, d(2014, 5, 31), d(2014, 6, 2)),
        off(MidAutumn, d(2014, 9, 6), d(2014, 9, 8)),
        off(National, d(2014, 10, 1), d(2014, 10, 7)), work(National, d(2014, 9, 28)), work(National, d(2014, 10, 11)),
    ]},
    // Issued 2014-12-16.
    Notice { year: 2015, number: "国办发明电〔2014〕28号", days: &[
        off(NewYear, d(2015, 1, 1), d(2015, 1, 3)), work(NewYear, d(2015, 1, 4)),
        off(Spring, d(2015, 2, 18), d(2015, 2, 24)), work(Spring, d(2015, 2, 15)), work(Spring, d(2015, 2, 28)),
        off(Qingming, d(2015, 4, 4), d(2015, 4, 6)),
        off(Labour, d(2015, 5, 1), d(2015, 5, 3)),
        off(DragonBoat, d(2015, 6, 20), d(2015, 6, 22)),
        off(MidAutumn, d(2015, 9, 26), d(2015, 9, 27)),
        off(National, d(2015, 10, 1), d(2015, 10, 7)), work(National, d(2015, 10, 10)),
    ]},
    // Issued 2015-05-13.
    Notice { year: 2015, number: "国发明电〔2015〕1号", days: &[
        off(Victory70, d(2015, 9, 3), d(2015, 9, 5)), work(Victory70, d(2015, 9, 6)),
    ]},
    // Issued 2015-12-10.
    Notice { year: 2016, number: "国办发明电〔2015〕18号", days: &[
        off(NewYear, d(2016, 1, 1), d(2016, 1, 3)),
        off(Spring, d(2016, 2, 7), d(2016, 2, 13)), work(Spring, d(2016, 2, 6)), work(Spring, d(2016, 2, 14)),
        off(Qingming, d(2016, 4, 2), d(2016, 4, 4)),
        off(Labour, d(2016, 4, 30), d(2016, 5, 2)),
        off(DragonBoat, d(2016, 6, 9), d(2016, 6, 11)), work(DragonBoat, d(2016, 6, 12)),
        off(MidAutumn, d(2016, 9, 15), d(2016, 9, 17)), work(MidAutumn, d(2016, 9, 18)),
        off(National, d(2016, 10, 1), d(2016, 10, 7)), work(National, d(2016, 10, 8)), work(National, d(2016, 10, 9)),
    ]},
    // Issued 2016-12-01.
    Notice { year: 2017, number: "国办发明电〔2016〕17号", days: &[
        off(NewYear, d(2016, 12, 31), d(2017, 1, 2)),
        off(Spring, d(2017, 1, 27), d(2017, 2, 2)), work(Spring, d(2017, 1, 22)), work(Spring, d(2017, 2, 4)),
        off(Qingming, d(2017, 4, 2), d(2017, 4, 4)), work(Qingming, d(2017, 4, 1)),
        off(Labour, d(2017, 4, 29), d(2017, 5, 1)),
        off(DragonBoat, d(2017, 5, 28), d(2017, 5, 30)), work(DragonBoat, d(2017, 5, 27)),
        off(NationalMidAutumn, d(2017, 10, 1), d(2017, 10, 8)), work(NationalMidAutumn, d(2017, 9, 30)),
    ]},
    // Issued 2017-11-30.
    Notice { year: 2018, number: "国办发明电〔2017〕12号", days: &[
        off(NewYear, d(2017, 12, 30), d(2018, 1, 1)),
        off(Spring, d(2018, 2, 15), d(2018, 2, 21)), work(Spring, d(2018, 2, 11)), work(Spring, d(2018, 2, 24)),
        off(Qingming, d(2018, 4, 5), d(2018, 4, 7)), work(Qingming, d(2018, 4, 8)),
        off(Labour, d(2018, 4, 29), d(2018, 5, 1)), work(Labour, d(2018, 4, 28)),
        off(DragonBoat, d(2018, 6, 16), d(2018, 6, 18)),
        off(MidAutumn, d(2018, 9, 22), d(2018, 9, 24)),
        off(National, d(2018, 10, 1), d(2018, 10, 7)), work(National, d(2018, 9, 29)), work(National, d(2018, 9, 30)),
    ]},
    // Issued 2018-12-04.
    Notice { year: 2019, number: "国办发明电〔2018〕15号", days: &[
        off(NewYear, d(2018, 12, 30), d(2019, 1, 1)), work(NewYear, d(2018, 12, 29)),
        off(Spring, d(2019, 2, 4), d(2019, 2, 10)), work(Spring, d(2019, 2, 2)), work(Spring, d(2019, 2, 3)),
        off(Qingming, d(2019, 4, 5), d(2019, 4, 7)),
        off(Labour, d(2019, 5, 1), d(2019, 5, 1)),
        off(DragonBoat, d(2019, 6, 7), d(2019, 6, 9)),
        off(MidAutumn, d(2019, 9, 13), d(2019, 9, 15)),
        off(National, d(2019, 10, 1), d(2019, 10, 7)), work(National, d(2019, 9, 29)), work(National, d(2019, 10, 12)),
    ]},
    // Issued 2019-03-22.
    Notice { year: 2019, number: "国办发明电〔2019〕3号", days: &[
        off(Labour, d(2019, 5, 1), d(2019, 5, 4)), work(Labour, d(2019, 4, 28)), work(Labour, d(2019, 5, 5)),
    ]},
    // Issued 2019-11-21.
    Notice { year: 2020, number: "国办发明电〔2019〕16号", days: &[
        off(NewYear, d(2020, 1, 1), d(2020, 1, 1)),
        off(Spring, d(2020, 1, 24), d(2020, 1, 30)), work(Spring, d(2020, 1, 19)), work(Spring, d(2020, 2, 1)),
        off(Qingming, d(2020, 4, 4), d(2020, 4, 6)),
        off(Labour, d(2020, 5, 1), d(2020, 5, 5)), work(Labour, d(2020, 4, 26)), work(Labour, d(2020, 5, 9)),
        off(DragonBoat, d(2020, 6, 25), d(2020, 6, 27)), work(DragonBoat, d(2020, 6, 28)),
        off(NationalMidAutumn, d(2020, 10, 1), d(2020, 10, 8)), work(NationalMidAutumn, d(2020, 9, 27)), work(NationalMidAutumn, d(2020, 10, 10)),
    ]},
    // Issued 2020-01-26.
    Notice { year: 2020, number: "国办发明电〔2020〕1号", days: &[
        off(Spring, d(2020, 1, 31), d(2020, 2, 2)),
    ]},
    // Issued 2020-11-25.
    Notice { year: 2021, number: "国办发明电〔2020〕27号", days: &[
        off(NewYear, d(2021, 1, 1), d(2021, 1, 3)),
        off(Spring, d(2021, 2, 11), d(2021, 2, 17)), work(Spring, d(2021, 2, 7)), work(Spring, d(2021, 2, 20)),
        off(Qingming, d(2021, 4, 3), d(2021, 4, 5)),
        off(Labour, d(2021, 5, 1), d(2021, 5, 5)), work(Labour, d(2021, 4, 25)), work(Labour, d(2021, 5, 8)),
        off(DragonBoat, d(2021, 6, 12), d(2021, 6, 14)),
        off(MidAutumn, d(2021, 9, 19), d(2021, 9, 21)), work(MidAutumn, d(2021, 9, 18)),
        off(National, d(2021, 10, 1), d(2021, 10, 7)), work(National, d(2021, 9, 26)), work(National, d(2021, 10, 9)),
    ]},
    // Issued 2021-10-25.
    Notice { year: 2022, number: "国办发明电〔2021〕11号", days: &[
        off(NewYear, d(2022, 1, 1), d(2022, 1, 3)),
        off(Spring, d(2022, 1, 31), d(2022, 2, 6)), work(Spring, d(2022, 1, 29)), work(Spring, d(2022, 1, 30)),
        off(Qingming, d(2022, 4, 3), d(2022, 4, 5)), work(Qingming, d(2022, 4, 2)),
        off(Labour, d(2022, 4, 30), d(2022, 5, 4)), work(Labour, d(2022, 4, 24)), work(Labour, d(2022, 5, 7)),
        off(DragonBoat, d(2022, 6, 3), d(2022, 6, 5)),
        off(MidAutumn, d(2022, 9, 10), d(2022, 9, 12)),
        off(National, d(2022, 10, 1), d(2022, 10, 7)), work(National, d(2022, 10, 8)), work(National, d(2022, 10, 9)),
    ]},
    // Issued 2022-12-08.
    Notice { year: 2023, number: "国办发明电〔2022〕16号", days: &[
        off(NewYear, d(2022, 12, 31), d(2023, 1, 2)),
        off(Spring, d(2023, 1, 21), d(2023, 1, 27)), work(Spring, d(2023, 1, 28)), work(Spring, d(2023, 1, 29)),
        off(Qingming, d(2023, 4, 5), d(2023, 4, 5)),
        off(Labour, d(2023, 4, 29), d(2023, 5, 3)), work(Labour, d(2023, 4, 23)), work(Labour, d(2023, 5, 6)),
        off(DragonBoat, d(2023, 6, 22), d(2023, 6, 24)), work(DragonBoat, d(2023, 6, 25)),
        off(NationalMidAutumn, d(2023, 9, 29), d(2023, 10, 6)), work(NationalMidAutumn, d(2023, 10, 7)), work(NationalMidAutumn, d(2023, 10, 8)),
    ]},
    // Issued 2023-10-25.
    Notice { year: 2024, number: "国办发明电〔2023〕7号", days: &[
        off(NewYear, d(2023, 12, 30), d(2024, 1, 1)),
        off(Spring, d(2024, 2, 10), d(2024, 2, 17)), work(Spring, d(2024, 2, 4)), work(Spring, d(2024, 2, 18)),
        off(Qingming, d(2024, 4, 4), d(2024, 4, 6)), work(Qingming, d(2024, 4, 7)),
        off(Labour, d(2024, 5, 1), d(2024, 5, 5)), work(Labour, d(2024, 4, 28)), work(Labour, d(2024, 5, 11)),
        off(DragonBoat, d(2024, 6, 8), d(2024, 6, 10)),
        off(MidAutumn, d(2024, 9, 15), d(2024, 9, 17)), work(MidAutumn, d(2024, 9, 14)),
        off(National, d(2024, 10, 1), d(2024, 10, 7)), work(National, d(2024, 9, 29)), work(National, d(2024, 10, 12)),
    ]},
    // Issued 2024-11-12.
    Notice { year: 2025, number: "国办发明电〔2024〕12号", days: &[
        off(NewYear, d(2025, 1, 1), d(2025, 1, 1)),
        off(Spring, d(2025, 1, 28), d(2025, 2, 4)), work(Spring, d(2025, 1, 26)), work(Spring, d(2025, 2, 8)),
        off(Qingming, d(2025, 4, 4), d(2025, 4, 6)),
        off(Labour, d(2025, 5, 1), d(2025, 5, 5)), work(Labour, d(2025, 4, 27)),
        off(DragonBoat, d(2025, 5, 31), d(2025, 6, 2)),
        off(NationalMidAutumn, d(2025, 10, 1), d(2025, 10, 8)), work(NationalMidAutumn, d(2025, 9, 28)), work(NationalMidAutumn, d(2025, 10, 11)),
    ]},
    // Issued 2025-11-04.
    Notice { year: 2026, number: "国办发明电〔2025〕7号", days: &[
        off(NewYear, d(2026, 1, 1), d(2026, 1, 3)), work(NewYear, d(2026, 1, 4)),
        off(Spring, d(2026, 2, 15), d(2026, 2, 23)), work(Spring, d(2026, 2, 14)), work(Spring, d(2026, 2, 28)),
        off(Qingming, d(2026, 4, 4), d(2026, 4, 6)),
        off(Labour, d(2026, 5, 1), d(2026, 5, 5)), work(Labour, d(2026, 5, 9)),
        off(DragonBoat, d(2026, 6, 19), d(2026, 6, 21)),
        off(MidAutumn, d(2026, 9, 25), d(2026, 9, 27)),
        off(National, d(2026, 10, 1), d(2026, 10, 7)), work(National, d(2026, 9, 20)), work(National, d(2026, 10, 10)),
    ]},
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::range::day_number;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn rules_unpack_to_what_was_written() {
        let r = off(Spring, d(2026, 2, 15), d(2026, 2, 23));
        assert_eq!(r.festival(), Spring);
        assert_eq!(r.ruling(2026), Ruling::Off(d(2026, 2, 15), d(2026, 2, 23)));
        let r = work(Victory70, d(2015, 9, 6));
        assert_eq!(r.festival(), Victory70);
        assert_eq!(r.ruling(2015), Ruling::Work(d(2015, 9, 6)));
        // A date in the year before the notice's.
        let r = off(NewYear, d(2007, 12, 30), d(2008, 1, 1));
        assert_eq!(r.ruling(2008), Ruling::Off(d(2007, 12, 30), d(2008, 1, 1)));
        let r = work(NewYear, d(2005, 12, 31));
        assert_eq!(r.ruling(2006), Ruling::Work(d(2005, 12, 31)));
        for (i, f) in FESTIVALS.iter().enumerate() {
            assert_eq!(*f as usize, i);
        }
    }

    #[test]
    fn january_firsts() {
        for y in 2000u16..2170 {
            let want = NaiveDate::from_ymd_opt(y.into(), 1, 1).map(day_number);
            assert_eq!(Some(EPOCH_2000 + i64::from(jan1(y))), want, "{y}");
        }
        for d in 0..=u16::MAX {
            let date = NaiveDate::from_ymd_opt(2000, 1, 1)
                .and_then(|j| j.checked_add_days(chrono::Days::new(d.into())))
                .map(|x| x.year());
            assert_eq!(Some(i32::from(year_of(Ymd(d)))), date, "{d}");
        }
    }

    #[test]
    fn coverage_bounds() {
        assert_eq!(
            Some(first_day()),
            NaiveDate::from_ymd_opt(2004, 1, 1).map(day_number)
        );
        assert_eq!(
            Some(last_day()),
            NaiveDate::from_ymd_opt(2026, 12, 31).map(day_number)
        );
    }

    #[test]
    fn compile_time_dates_agree_with_chrono() {
        let mut date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        let end = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or_default();
        while date < end {
            use chrono::Datelike;
            let ours = d(date.year().into(), date.month().into(), date.day().into());
            assert_eq!(ours.day_number(), day_number(date), "{date}");
            date = date.succ_opt().unwrap_or(end);
        }
    }
}
