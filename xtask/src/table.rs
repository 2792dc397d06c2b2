//! Side-by-side tables of the library sites: one labelled row, one cell per site.

use crate::library::Site;

const LABEL: usize = 44;
const CELL: usize = 17;

/// The header: one column per site, named by its article count.
pub fn header(title: &str, sites: &[Site]) {
    let cells: Vec<String> = sites
        .iter()
        .map(|s| format!("{} articles", thousands(s.articles as u64)))
        .collect();
    row(title, &cells);
}

pub fn row(label: &str, cells: &[String]) {
    let mut line = format!("{label:<LABEL$}");
    for cell in cells {
        line.push_str(&format!(" {cell:>CELL$}"));
    }
    println!("{}", line.trim_end());
}

/// `12,941`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::thousands(12_941), "12,941");
        assert_eq!(super::thousands(100), "100");
        assert_eq!(super::thousands(1_000_000), "1,000,000");
    }
}
