//! XML for every export: one writer with one escaper and one number format ([`write`]), the
//! text rules every SVG shares (what XML can hold, which way a label reads), and reading an
//! exercise back out of an exported SVG ([`read`]).

mod read;
mod write;

pub(crate) use read::embedded_data;
pub(crate) use write::{
    escape_attribute, full_title, json_for_xml, num, Align, Writer, INK, PAPER, SUPPORT,
};

/// Drops the characters XML 1.0 cannot hold and turns line breaks and tabs into spaces, so a
/// label stays one well-formed line.
pub(crate) fn xml_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' => Some(c),
            _ => None,
        })
        .collect()
}

fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'        // Hebrew, Arabic, Syriac, Thaana, N'Ko …
        | '\u{FB1D}'..='\u{FDFF}'      // Hebrew and Arabic presentation forms A
        | '\u{FE70}'..='\u{FEFF}'      // Arabic presentation forms B
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// Whether the text's first strong letter is right-to-left (the Unicode bidi rule P2, near
/// enough: digits and punctuation are neutral).
pub(crate) fn reads_right_to_left(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_right_to_left)
}
