//! Measuring and wrapping text without the fonts: the one measure the screen's labels, the
//! label layout and every export use, so a label wraps and fits the same everywhere.

/// How many average characters wide a text is, roughly, as the fonts are not known here:
/// wide characters (CJK, emoji) count 5/3 (1 em against 0.6 em), combining marks and
/// joiners nothing, everything else 1.
pub fn text_units(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            let zero_width = matches!(c,
                '\u{0300}'..='\u{036F}'
                | '\u{0483}'..='\u{0489}'
                | '\u{0591}'..='\u{05BD}'
                | '\u{0610}'..='\u{061A}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0670}'
                | '\u{06D6}'..='\u{06ED}'
                | '\u{200B}'..='\u{200F}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{E0100}'..='\u{E01EF}');
            if zero_width {
                0.0
            } else if is_wide(c) {
                5.0 / 3.0
            } else {
                1.0
            }
        })
        .sum()
}

/// Whether a character takes a full em rather than about 0.6 (CJK, Hangul, full-width forms,
/// emoji): the one table every text measure uses.
pub fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F300}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}')
}

/// Wraps a label into lines of at most `max_units` (see [`text_units`]), splitting only at
/// white space and keeping the words in their order, so right-to-left text is never
/// reordered or reversed. A word wider than `max_units` stays whole on a line of its own.
/// Runs of white space become one space; an empty label gives no lines.
pub fn wrap_label(text: &str, max_units: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_units = 0.0;
    for word in text.split_whitespace() {
        let word_units = text_units(word);
        if line.is_empty() {
            line.push_str(word);
            line_units = word_units;
        } else if line_units + 1.0 + word_units <= max_units {
            line.push(' ');
            line.push_str(word);
            line_units += 1.0 + word_units;
        } else {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            line_units = word_units;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_in_order() {
        assert_eq!(wrap_label("a bb ccc", 4.0), ["a bb", "ccc"]);
        assert_eq!(
            wrap_label("  many   spaces\n\there ", 100.0),
            ["many spaces here"]
        );
        assert_eq!(
            wrap_label("x Extraordinarily y", 5.0),
            ["x", "Extraordinarily", "y"]
        );
        assert!(wrap_label("   ", 5.0).is_empty());
        assert_eq!(wrap_label("a b", f64::NAN), ["a", "b"]);
        let arabic = "المجلس البلدي للمدينة";
        assert_eq!(wrap_label(arabic, 8.0).join(" "), arabic);
    }

    #[test]
    fn text_units_count_wide_and_combining_characters() {
        assert_eq!(text_units("abc"), 3.0);
        assert_eq!(text_units("e\u{301}"), 1.0);
        assert!((text_units("漢字") - 10.0 / 3.0).abs() < 1e-12);
    }
}
