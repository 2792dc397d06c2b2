//! Reading numbers and dates as people type them, without floating point: Rust's float
//! parser and its tables would add more to the wasm than the whole form logic.

use std::cmp::Ordering;

/// A plain decimal number (`12`, `-3.5`, `.5`), kept as its digits.
#[derive(Debug, Clone, Copy)]
pub struct Decimal<'a> {
    negative: bool,
    /// Without leading zeros.
    whole: &'a str,
    /// Without trailing zeros.
    fraction: &'a str,
}

impl Decimal<'_> {
    fn is_zero(&self) -> bool {
        self.whole.is_empty() && self.fraction.is_empty()
    }

    fn magnitude(&self, other: &Self) -> Ordering {
        self.whole
            .len()
            .cmp(&other.whole.len())
            .then_with(|| self.whole.cmp(other.whole))
            // Without trailing zeros, fractions compare as text: "12" < "2", "1" < "12".
            .then_with(|| self.fraction.cmp(other.fraction))
    }
}

impl PartialEq for Decimal<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal<'_> {}

impl PartialOrd for Decimal<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // -0 is 0.
        let negative = |d: &Decimal| d.negative && !d.is_zero();
        match (negative(self), negative(other)) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.magnitude(other),
            (true, true) => other.magnitude(self),
        }
    }
}

/// A plain decimal number; not `1e3`, `inf`, `0x10` or `1,000`, which people do not
/// mean as numbers here.
pub fn parse_number(text: &str) -> Option<Decimal<'_>> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    Some(Decimal {
        negative,
        whole: whole.trim_start_matches('0'),
        fraction: fraction.trim_end_matches('0'),
    })
}

/// A date and time as comparable parts `[year, month, day, hour, minute, second]`, from
/// `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS[.fff]]` (what
/// `<input type="datetime-local">` gives).
pub fn parse_date_time(text: &str) -> Option<[u32; 6]> {
    let text = text.trim();
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut date_parts = date.split('-');
    let year = fixed_digits(date_parts.next()?, 4)?;
    let month = fixed_digits(date_parts.next()?, 2)?;
    let day = fixed_digits(date_parts.next()?, 2)?;
    if date_parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let [hour, minute, second] = match time {
        None => [0, 0, 0],
        Some(time) => {
            let time = time.split_once('.').map_or(time, |(whole, _)| whole);
            let mut parts = time.split(':');
            let hour = fixed_digits(parts.next()?, 2)?;
            let minute = fixed_digits(parts.next()?, 2)?;
            let second = parts.next().map_or(Some(0), |s| fixed_digits(s, 2))?;
            if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
                return None;
            }
            [hour, minute, second]
        }
    };
    Some([year, month, day, hour, minute, second])
}

fn fixed_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> Decimal<'_> {
        parse_number(text).unwrap_or_else(|| panic!("{text} is a number"))
    }

    #[test]
    fn plain_decimals_only() {
        for text in ["12", " 1.5 ", "-.5", "+3", "0", "007.100", "5."] {
            assert!(parse_number(text).is_some(), "{text}");
        }
        for text in [
            "1e3", "inf", "NaN", ".", "-", "", "1.2.3", "0x10", "1,000", "--1",
        ] {
            assert!(parse_number(text).is_none(), "{text}");
        }
    }

    #[test]
    fn decimals_compare_by_value() {
        let ascending = [
            "-12", "-3.5", "-0.5", "0", "0.05", "0.1", "0.12", "0.5", "2", "10", "10.01",
        ];
        for pair in ascending.windows(2) {
            assert!(num(pair[0]) < num(pair[1]), "{} < {}", pair[0], pair[1]);
            assert!(num(pair[1]) > num(pair[0]), "{} > {}", pair[1], pair[0]);
        }
        assert_eq!(num("-0"), num("0.000"));
        assert_eq!(num("007.100"), num("7.1"));
        assert_eq!(num("+3"), num("3"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date_time("2024-05-31 14:30:15.250"),
            Some([2024, 5, 31, 14, 30, 15])
        );
        assert_eq!(parse_date_time("2024-02-29"), Some([2024, 2, 29, 0, 0, 0]));
        for text in [
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-1-01",
            "2024-05-31T24:00",
            "2024-05-31T",
            "31/05/2024",
        ] {
            assert_eq!(parse_date_time(text), None, "{text}");
        }
        assert!(parse_date_time("2000-02-29").is_some());
    }
}
