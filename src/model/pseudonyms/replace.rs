//! Finding names in text, in any script: case-insensitively, a name's white space matching
//! any run of white space, and (to replace them) only as whole words.
//!
//! Text is compared lowercased, but a lowercased character can be longer than the original
//! ('İ' is two characters lowercased), so matching walks a folded copy in which every
//! character remembers where its original character lies, and a match is cut out of the
//! original only at its own character boundaries.

use std::collections::HashMap;
use std::ops::Range;

/// One character of the folded text, and the original character it comes from.
struct FoldedChar {
    folded: char,
    /// The original character's bytes in the text.
    original: Range<usize>,
    /// The first of the characters its original folds to: a match may start only here.
    starts_original: bool,
}

/// The characters `c` is compared as: lowercased, and the apostrophes phones and word
/// processors type (’ and ʼ, as in Somali "hay’ad") as the plain one, so a name typed with
/// either is found in text typed with the other.
fn fold_char(c: char) -> std::char::ToLowercase {
    match c {
        '\u{2019}' | '\u{02BC}' => '\'',
        other => other,
    }
    .to_lowercase()
}

fn fold(text: &str) -> Vec<FoldedChar> {
    let mut folded = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let original = start..start + c.len_utf8();
        for (n, f) in fold_char(c).enumerate() {
            folded.push(FoldedChar {
                folded: f,
                original: original.clone(),
                starts_original: n == 0,
            });
        }
    }
    folded
}

/// What two spellings of one name share: trimmed, folded as matching folds, and each run of
/// white space one space. Names with the same key are one name.
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(|word| word.chars().flat_map(fold_char).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `c` continues a word, so a name beside it is part of a longer word: a letter or
/// digit of any script (which covers most vowel signs: Bengali's, Arabic's harakat), the
/// zero-width joiner and non-joiner, and the combining marks `is_alphanumeric` leaves out:
/// Latin accents typed as a second character, the Indic viramas and nuktas (without them
/// "কাল" would be found in "কাল্পনিক"), and the Arabic marks outside Other_Alphabetic.
fn continues_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{200C}' | '\u{200D}'
            | '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{0951}'..='\u{0954}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
        || is_indic_virama_or_nukta(c)
}

/// The Indic scripts share one layout (from ISCII): in each block of 128 from U+0900 to
/// U+0DFF the nukta is at 0x3C and the virama at 0x4D (Sinhala's al-lakuna is U+0DCA,
/// Malayalam has two more viramas).
fn is_indic_virama_or_nukta(c: char) -> bool {
    let code = u32::from(c);
    (0x0900..0x0E00).contains(&code)
        && (matches!(code % 0x80, 0x3C | 0x4D) || matches!(code, 0x0D3B | 0x0DCA))
}

enum Part {
    Char(char),
    /// Any run of white space.
    Space,
}

struct Pattern {
    parts: Vec<Part>,
    /// Which of the names given it is.
    name: usize,
}

fn pattern(name: &str, index: usize) -> Pattern {
    let mut parts = Vec::new();
    for c in name.trim().chars() {
        if c.is_whitespace() {
            if !matches!(parts.last(), Some(Part::Space)) {
                parts.push(Part::Space);
            }
        } else {
            parts.extend(fold_char(c).map(Part::Char));
        }
    }
    Pattern { parts, name: index }
}

/// Finds any of a list of names in texts. Built once for many texts: a workshop has
/// thousands of fields and a large map thousands of names.
pub(super) struct NameMatcher {
    patterns: Vec<Pattern>,
    /// The patterns by their first folded character, longest first, so each position of a
    /// text tries only the names that can start there.
    by_first: HashMap<char, Vec<usize>>,
}

impl NameMatcher {
    /// Names that are empty or white space are never found.
    pub(super) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let patterns: Vec<Pattern> = names
            .into_iter()
            .enumerate()
            .map(|(index, name)| pattern(name, index))
            .filter(|p| !p.parts.is_empty())
            .collect();
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (index, p) in patterns.iter().enumerate() {
            if let Some(Part::Char(first)) = p.parts.first() {
                by_first.entry(*first).or_default().push(index);
            }
        }
        for candidates in by_first.values_mut() {
            // Stable: of two names as long, the one listed first is tried first.
            crate::model::order::sort_by_key(candidates, |&p| {
                std::cmp::Reverse(patterns[p].parts.len())
            });
        }
        NameMatcher { patterns, by_first }
    }

    /// The index past the folded characters `pattern` matches from `at`, if it does and
    /// ends on an original character's end.
    fn match_at(text: &[FoldedChar], at: usize, pattern: &Pattern) -> Option<usize> {
        let mut next = at;
        for part in &pattern.parts {
            match part {
                Part::Char(c) => {
                    if text.get(next).map(|f| f.folded) != Some(*c) {
                        return None;
                    }
                    next += 1;
                }
                Part::Space => {
                    let start = next;
                    while text.get(next).is_some_and(|f| f.folded.is_whitespace()) {
                        next += 1;
                    }
                    if next == start {
                        return None;
                    }
                }
            }
        }
        let ends_original = text.get(next).is_none_or(|f| f.starts_original);
        ends_original.then_some(next)
    }

    /// Walks `text` from its start and calls `found(name, bytes)` for each name found,
    /// trying the longest name first at each place. When `found` accepts a match (returns
    /// true) the walk goes on after it, so matches never overlap; a refused match lets
    /// shorter names, then later places, be tried. With `whole_words` a name is found only
    /// when neither character beside it [continues the word](continues_word).
    pub(super) fn scan(
        &self,
        text: &str,
        whole_words: bool,
        mut found: impl FnMut(usize, Range<usize>) -> bool,
    ) {
        if self.patterns.is_empty() {
            return;
        }
        let folded = fold(text);
        let joins = |c: Option<char>| whole_words && c.is_some_and(continues_word);
        let mut at = 0;
        'places: while at < folded.len() {
            let here = &folded[at];
            let candidates = self.by_first.get(&here.folded);
            if let (true, Some(candidates)) = (here.starts_original, candidates) {
                let start = here.original.start;
                if !joins(text[..start].chars().next_back()) {
                    for &p in candidates {
                        let pattern = &self.patterns[p];
                        let Some(after) = Self::match_at(&folded, at, pattern) else {
                            continue;
                        };
                        let end = folded[after - 1].original.end;
                        if !joins(text[end..].chars().next()) && found(pattern.name, start..end) {
                            at = after;
                            continue 'places;
                        }
                    }
                }
            }
            at += 1;
        }
    }

    /// `text` with every name found as a whole word replaced by its replacement
    /// (`replacements[name]`), verbatim.
    pub(super) fn replace(&self, text: &str, replacements: &[&str]) -> String {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        self.scan(text, true, |name, bytes| {
            out.push_str(&text[copied..bytes.start]);
            out.push_str(replacements[name]);
            copied = bytes.end;
            true
        });
        out.push_str(&text[copied..]);
        out
    }
}

/// `text` with every original name of `names` (pairs original → pseudonym) replaced by whole
/// word, case-insensitively; longer names first, so "Mosque women's group" is replaced whole
/// before "Mosque" is.
///
/// A whole word: the characters on either side of the match do not continue a word (letters
/// and digits of any script, their combining marks, ZWNJ and ZWJ), so "Mosque's" has the name
/// "Mosque" but "Mosques" and "المسجد" (for "مسجد") do not. A name's white space matches any
/// run of white space ("Hindu temple" is found in "Hindu  temple" and across a line break),
/// and ’ and ʼ match the apostrophe. The pseudonym is put in verbatim and is not searched
/// again.
///
/// An apostrophe ends a word, so "Mosque's" is replaced as English wants; in Somali, where
/// it is a letter, a name that is the start of a longer word before an apostrophe ("Hay" in
/// "Hay'adda") is replaced too.
pub fn replace_names(text: &str, names: &[(String, String)]) -> String {
    let matcher = NameMatcher::new(names.iter().map(|(original, _)| original.as_str()));
    let pseudonyms: Vec<&str> = names.iter().map(|(_, p)| p.as_str()).collect();
    matcher.replace(text, &pseudonyms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replaced(text: &str, names: &[(&str, &str)]) -> String {
        let names: Vec<(String, String)> = names
            .iter()
            .map(|(o, p)| (o.to_string(), p.to_string()))
            .collect();
        replace_names(text, &names)
    }

    #[test]
    fn a_letter_that_lowercases_longer_never_cuts_the_text_wrongly() {
        // 'İ' lowercases to two characters: the byte positions of the folded copy are not
        // the original's.
        assert_eq!(replaced("İİ Police İ", &[("police", "X")]), "İİ X İ");
        assert_eq!(replaced("İzmir group", &[("İzmir", "Y")]), "Y group");
        // A name that is only part of a character's folding is not found.
        assert_eq!(replaced("İ", &[("i", "Z")]), "İ");
    }

    #[test]
    fn names_of_white_space_alone_are_never_found() {
        assert_eq!(replaced("a b", &[(" ", "X"), ("", "Y")]), "a b");
    }

    #[test]
    fn keys_join_spellings_of_one_name() {
        assert_eq!(name_key("  St  Mark’s\tHALL "), name_key("st mark's hall"));
        assert_ne!(name_key("St Marks hall"), name_key("st mark's hall"));
    }

    #[test]
    fn a_combining_mark_continues_the_word() {
        assert_eq!(
            replaced("Cafe\u{301} Cafe", &[("Cafe", "X")]),
            "Cafe\u{301} X"
        );
        assert_eq!(replaced("কাল্পনিক কাল", &[("কাল", "X")]), "কাল্পনিক X");
    }
}
