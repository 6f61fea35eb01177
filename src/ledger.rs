//! The cumulative cap of L4.3 across every incident of the contract: total liquidated damages
//! never exceed 5 % of the contract price; incidents take their share in order of restoration.

use crate::money::Fen;

/// Splits `cap` over `claims` taken in the given order: each gets what it asks for until the
/// cap is used up. Returns what each claim actually gets.
pub fn apply_cap(cap: Fen, claims: &[Fen]) -> Vec<Fen> {
    let mut left = cap;
    claims
        .iter()
        .map(|&want| {
            let got = want.min(left).max(Fen(0));
            left = left.checked_sub(got).unwrap_or(Fen(0));
            got
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l4_3_cap_is_shared_in_order() {
        assert_eq!(
            apply_cap(Fen(100), &[Fen(30), Fen(50), Fen(40), Fen(10)]),
            vec![Fen(30), Fen(50), Fen(20), Fen(0)]
        );
        assert_eq!(apply_cap(Fen(100), &[Fen(150)]), vec![Fen(100)]);
        assert_eq!(apply_cap(Fen(100), &[]), Vec::<Fen>::new());
    }
}
