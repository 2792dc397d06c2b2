//! Character folding: case, diacritics and punctuation, without Unicode tables.
//!
//! The query side runs in the browser, where every table costs wasm bytes, so this
//! folds only what the library's languages need by hand: ASCII, Latin-1 and Latin
//! Extended-A letters to their base letters, Greek and Cyrillic capitals to lower case,
//! full-width ASCII to ASCII, and combining marks away. Any other character outside the
//! punctuation and symbol blocks counts as a letter and is kept as it is.

/// What a character is to the tokenizer once folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Part of a word; its folded form is given by [`fold_into`].
    Word,
    /// May join two word characters into one code-like token (`Set-AzVM`, `v1.2`).
    Connector,
    /// Dropped inside a word (`don't` reads as `dont`).
    Apostrophe,
    /// Separates words.
    Space,
    /// Nothing at all: combining marks after a letter.
    Ignored,
}

/// The class of `c`.
pub const fn class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => Class::Word,
        '-' | '_' | '.' | '/' | '\\' | ':' | '@' => Class::Connector,
        '\'' | '\u{2019}' | '\u{2018}' => Class::Apostrophe,
        '\u{0300}'..='\u{036f}' | '\u{200b}'..='\u{200d}' | '\u{feff}' => Class::Ignored,
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => Class::Word,
        // Latin-1 punctuation and symbols, ×, ÷.
        '\0'..='\u{bf}' | '\u{d7}' | '\u{f7}' => Class::Space,
        // Spacing modifiers, general punctuation up to the CJK symbols (arrows, maths,
        // box drawing, dingbats), CJK punctuation, small and full-width forms, specials.
        '\u{2b0}'..='\u{2ff}'
        | '\u{2000}'..='\u{2bff}'
        | '\u{2e00}'..='\u{2e7f}'
        | '\u{3000}'..='\u{303f}'
        | '\u{fe10}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}'
        | '\u{fff0}'..='\u{ffff}' => Class::Space,
        _ if c > '\u{1f000}' && c < '\u{1fbff}' => Class::Space, // emoji and pictographs
        _ => Class::Word,
    }
}

/// The class of an ASCII byte, from a table.
pub fn ascii_class(byte: u8) -> Class {
    ASCII_CLASSES
        .get(usize::from(byte))
        .copied()
        .unwrap_or(Class::Space)
}

const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Space; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = class(byte as u8 as char);
        byte += 1;
    }
    table
};

/// Appends the folded form of a word character to `out`.
pub fn fold_into(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' => out.push(c),
        '\u{ff10}'..='\u{ff5a}' => fold_into(shift(c, 0xff10, '0'), out),
        '\u{c0}'..='\u{17f}' => match latin(c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        },
        // Greek and Cyrillic capitals: the lower case is a fixed distance away.
        '\u{391}'..='\u{3a9}' | '\u{410}'..='\u{42f}' => out.push(shift(c, 0, '\u{20}')),
        '\u{400}'..='\u{40f}' => out.push(shift(c, 0, '\u{50}')),
        _ => out.push(c),
    }
}

/// `c` moved from the range starting at `from` to the one starting at `to`.
fn shift(c: char, from: u32, to: char) -> char {
    char::from_u32((c as u32).wrapping_sub(from).wrapping_add(to as u32)).unwrap_or(c)
}

/// The base letters of Latin-1 and Latin Extended-A, U+00C0 to U+017F.
fn latin(c: char) -> Option<&'static str> {
    let code = c as u32;
    let base = match code {
        0xc0..=0xc5 | 0xe0..=0xe5 | 0x100..=0x105 => "a",
        0xc6 | 0xe6 => "ae",
        0xc7 | 0xe7 | 0x106..=0x10d => "c",
        0xd0 | 0xf0 | 0x10e..=0x111 => "d",
        0xc8..=0xcb | 0xe8..=0xeb | 0x112..=0x11b => "e",
        0x11c..=0x123 => "g",
        0x124..=0x127 => "h",
        0xcc..=0xcf | 0xec..=0xef | 0x128..=0x131 => "i",
        0x132 | 0x133 => "ij",
        0x134 | 0x135 => "j",
        0x136..=0x138 => "k",
        0x139..=0x142 => "l",
        0xd1 | 0xf1 | 0x143..=0x14b => "n",
        0xd2..=0xd6 | 0xd8 | 0xf2..=0xf6 | 0xf8 | 0x14c..=0x151 => "o",
        0x152 | 0x153 => "oe",
        0x154..=0x159 => "r",
        0xdf => "ss",
        0x15a..=0x161 | 0x17f => "s",
        0x162..=0x167 => "t",
        0xde | 0xfe => "th",
        0xd9..=0xdc | 0xf9..=0xfc | 0x168..=0x173 => "u",
        0x174 | 0x175 => "w",
        0xdd | 0xfd | 0xff | 0x176..=0x178 => "y",
        0x179..=0x17e => "z",
        _ => return None,
    };
    Some(base)
}

/// `text` folded: lower case, no diacritics, punctuation turned into single spaces.
/// The analyzer tokenizes without building this string; tests and suggestions use it.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match class(c) {
            Class::Word => fold_into(c, &mut out),
            Class::Apostrophe | Class::Ignored => {}
            Class::Connector | Class::Space => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(normalize("Café CRÈME brûlée"), "cafe creme brulee");
        assert_eq!(normalize("Straße Ærø Œuvre"), "strasse aero oeuvre");
        assert_eq!(normalize("Łódź Ğ İ ſ"), "lodz g i s");
        assert_eq!(normalize("ΑΒΓ ДЖЁ"), "αβγ джё");
    }

    #[test]
    fn drops_combining_marks_and_apostrophes() {
        // "e" followed by U+0301 COMBINING ACUTE ACCENT.
        assert_eq!(normalize("cafe\u{301} won't"), "cafe wont");
        assert_eq!(normalize("user\u{2019}s"), "users");
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(
            normalize("  Hello, world!! (really?) "),
            "hello world really"
        );
        assert_eq!(normalize("a\u{2014}b\u{00a0}c\u{3001}d"), "a b c d");
        assert_eq!(normalize("Ｆｕｌｌ１"), "full1");
        assert_eq!(normalize("日本語"), "日本語");
    }

    #[test]
    fn classes_of_connectors() {
        for c in ['-', '_', '.', '/', ':'] {
            assert_eq!(class(c), Class::Connector, "{c}");
        }
        assert_eq!(class('\u{1f600}'), Class::Space);
        assert_eq!(class('é'), Class::Word);
    }
}
