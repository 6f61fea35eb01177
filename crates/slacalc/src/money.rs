//! Money in exact fen (1/100 yuan). The contract price (L6) and every liquidated damage
//! (L4.2, L4.3) are held as integer fen; percentages are basis points; rounding is half up.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use thiserror::Error;

/// Largest amount accepted: ¥10,000,000,000,000.00 (10^13 yuan = 10^15 fen). Amounts are
/// held in `i128`, so any product of an amount, a rate in basis points and a day count, and
/// any sum over a ledger, stays exact.
pub const MAX_FEN: i128 = 1_000_000_000_000_000;

/// An exact amount of money in fen. Never negative in a valid case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fen(pub i128);

/// Why a text is not an amount of money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyError {
    /// Nothing was typed.
    #[error("is empty")]
    Empty,
    /// Not of the form 1234.56.
    #[error("is not an amount like \"1000000.00\"")]
    NotANumber,
    /// More than two decimals: fen is the smallest unit.
    #[error("has more than two decimals (fen is the smallest unit)")]
    TooManyDecimals,
    /// Below zero.
    #[error("must not be negative")]
    Negative,
    /// Larger than [`MAX_FEN`].
    #[error("is larger than 10,000,000,000,000.00")]
    TooLarge,
}

impl MoneyError {
    /// Every kind of money error.
    pub const ALL: [MoneyError; 5] = [
        MoneyError::Empty,
        MoneyError::NotANumber,
        MoneyError::TooManyDecimals,
        MoneyError::Negative,
        MoneyError::TooLarge,
    ];

    /// The same message in Chinese.
    pub fn zh(&self) -> &'static str {
        match self {
            MoneyError::Empty => "不能为空",
            MoneyError::NotANumber => "不是金额(例如 \"1000000.00\")",
            MoneyError::TooManyDecimals => "小数超过两位(最小单位为分)",
            MoneyError::Negative => "不能为负数",
            MoneyError::TooLarge => "超过 10,000,000,000,000.00",
        }
    }
}

impl FromStr for Fen {
    type Err = MoneyError;

    /// Parses "1000000", "1000000.5", "1,000,000.00" or "¥1000000.00" into fen.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t: String = s
            .trim()
            .trim_start_matches(['¥', '￥'])
            .chars()
            .filter(|c| *c != ',' && *c != '_' && *c != ' ')
            .collect();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.as_str()),
        };
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, f),
            None => (t, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return Err(MoneyError::NotANumber);
        }
        if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return Err(MoneyError::NotANumber);
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        if neg {
            return Err(MoneyError::Negative);
        }
        let mut fen: i128 = 0;
        for c in int.chars() {
            fen = fen * 10 + i128::from(c as u8 - b'0');
            if fen > MAX_FEN {
                return Err(MoneyError::TooLarge);
            }
        }
        let mut f = frac.to_string();
        while f.len() < 2 {
            f.push('0');
        }
        let frac_fen = f.parse::<i128>().map_err(|_| MoneyError::NotANumber)?;
        fen = fen * 100 + frac_fen;
        if fen > MAX_FEN {
            return Err(MoneyError::TooLarge);
        }
        Ok(Fen(fen))
    }
}

impl fmt::Display for Fen {
    /// Yuan with two decimals and no grouping: "5000.00" (the result format).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

impl Fen {
    /// Yuan with thousands separators and the ¥ sign, for people: "¥5,000.00".
    pub fn pretty(&self) -> String {
        let plain = self.to_string();
        let (sign, rest) = match plain.strip_prefix('-') {
            Some(r) => ("-", r),
            None => ("", plain.as_str()),
        };
        let (int, frac) = rest.split_once('.').unwrap_or((rest, "00"));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}¥{grouped}.{frac}")
    }

    /// `self × bp / 10000 × times`, rounded half up at the fen: a rate in basis points of the
    /// contract price (L4.2: 25 bp per day; L4.3: 500 bp cap), applied `times` times.
    pub fn share_bp(&self, bp: u32, times: u64) -> Option<Fen> {
        let num = self
            .0
            .checked_mul(i128::from(bp))?
            .checked_mul(i128::from(times))?;
        Some(Fen((num.checked_add(5_000)?) / 10_000))
    }

    /// Checked sum.
    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }

    /// Checked difference.
    pub fn checked_sub(self, other: Fen) -> Option<Fen> {
        self.0.checked_sub(other.0).map(Fen)
    }
}

impl Serialize for Fen {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Fen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(crate::time::TextVisitor(
            "an amount like \"1000000.00\"",
            |s: &str| s.parse::<Fen>(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_and_grouped_amounts() {
        assert_eq!("1000000.00".parse::<Fen>(), Ok(Fen(100_000_000)));
        assert_eq!("1,000,000".parse::<Fen>(), Ok(Fen(100_000_000)));
        assert_eq!("¥12.5".parse::<Fen>(), Ok(Fen(1250)));
        assert_eq!("0.07".parse::<Fen>(), Ok(Fen(7)));
        assert_eq!(".5".parse::<Fen>(), Ok(Fen(50)));
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!("".parse::<Fen>(), Err(MoneyError::Empty));
        assert_eq!("-1.00".parse::<Fen>(), Err(MoneyError::Negative));
        assert_eq!("1.005".parse::<Fen>(), Err(MoneyError::TooManyDecimals));
        assert_eq!("12a".parse::<Fen>(), Err(MoneyError::NotANumber));
        assert_eq!("1e5".parse::<Fen>(), Err(MoneyError::NotANumber));
        assert_eq!(".".parse::<Fen>(), Err(MoneyError::NotANumber));
        assert_eq!(
            "99999999999999999999999".parse::<Fen>(),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn formats_for_results_and_people() {
        assert_eq!(Fen(500_000).to_string(), "5000.00");
        assert_eq!(Fen(7).to_string(), "0.07");
        assert_eq!(Fen(500_000).pretty(), "¥5,000.00");
        assert_eq!(Fen(100_000_000).pretty(), "¥1,000,000.00");
        assert_eq!(Fen(99).pretty(), "¥0.99");
    }

    #[test]
    fn basis_points_round_half_up_at_the_fen() {
        // 0.25 % of ¥1,000,000.00 = ¥2,500.00 per day; two days = ¥5,000.00 (worked example).
        assert_eq!(Fen(100_000_000).share_bp(25, 2), Some(Fen(500_000)));
        // 0.25 % of ¥0.02 = 0.005 fen → rounds to 0; of ¥2.00 = 0.5 fen → rounds up to 1 fen.
        assert_eq!(Fen(2).share_bp(25, 1), Some(Fen(0)));
        assert_eq!(Fen(200).share_bp(25, 1), Some(Fen(1)));
        // 5 % of ¥1,000,000.00 = ¥50,000.00 (L4.3 cap).
        assert_eq!(Fen(100_000_000).share_bp(500, 1), Some(Fen(5_000_000)));
    }
}
