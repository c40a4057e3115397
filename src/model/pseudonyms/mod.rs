//! Pseudonyms for "Export for publication": the names a workshop holds, the pseudonym each
//! gets, a copy of the workshop with every name replaced, and where a name is still left.
//!
//! - [`name_table`]: every name (actors, institutions, the ranking items the facilitator
//!   ticked as organisations, the place), once each, with the facilitator's pseudonym or a
//!   default built from its group ("Faith group A").
//! - [`pseudonymise`]: the copy to publish. A field that is a name becomes its pseudonym;
//!   every other text has the names in it replaced as whole words ([`replace_names`]).
//! - [`leftovers`] and [`names_found_in`]: names still found, case-insensitively and inside
//!   longer words too ("Mosques"), for the facilitator to fix before exporting.

mod edit;
mod replace;
mod texts;

pub use replace::replace_names;

use super::{ExerciseData, Workshop};
use replace::{name_key, NameMatcher};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use texts::{each_text_mut, TextKind};

/// What the facilitator chose for publication; stored in the workshop by the caller (another
/// engineer adds a `publication: Publication` field to Workshop later — every function here
/// takes it as a separate argument).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    /// Pseudonyms the facilitator typed, by original name. A name not listed gets its default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pseudonyms: Vec<Pseudonym>,
    /// Ids of ranking items (RankItem.id) that name an organisation, ticked by the facilitator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisation_items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pseudonym {
    pub original: String,
    pub pseudonym: String,
}

/// Where a name was first found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    Actor,
    Institution,
    RankingItem,
    Place,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NameRow {
    /// As first written, trimmed.
    pub original: String,
    pub source: NameSource,
    /// The actor's group label, the institution's `group`; "" otherwise.
    pub group: String,
    /// The facilitator's if set (non-empty after trim), else the default.
    pub pseudonym: String,
    pub is_default: bool,
}

/// The default pseudonym of the place.
pub const PLACE_PSEUDONYM: &str = "[Study Location]";
/// What a default pseudonym is built from when there is no group: ranking items, and actors
/// and institutions in none.
pub const NO_GROUP_STEM: &str = "Organisation";

/// Every name the workshop holds: each actor name (all maps), each Venn institution label (all
/// diagrams), each ranking item whose id is in `publication.organisation_items`, and the
/// workshop's place (if non-empty). One row per name: names equal after trimming and
/// case-folding are one row (first source and group win); white space runs count as one
/// space and ’ as ', as in matching. Order: place first, then in the order the workshop
/// holds them.
///
/// Defaults are "<group> A", "<group> B", … "<group> Z", "<group> AA", … in order of first
/// appearance within the group (groups compared case-insensitively, spelt as first seen);
/// no group, and ranking items, give "Organisation A", …; the place gives "[Study Location]".
/// A default never equals (case-insensitively) an original name of the table, a typed
/// pseudonym or another default: such a letter is skipped. A typed pseudonym is always kept,
/// even one the facilitator typed for two names (their choice to merge them).
pub fn name_table(workshop: &Workshop, publication: &Publication) -> Vec<NameRow> {
    let held = names_held(workshop, publication);
    let mut typed: HashMap<String, &str> = HashMap::new();
    for chosen in &publication.pseudonyms {
        let pseudonym = chosen.pseudonym.trim();
        if !pseudonym.is_empty() {
            typed.entry(name_key(&chosen.original)).or_insert(pseudonym);
        }
    }
    let typed_of = |name: &str| typed.get(&name_key(name)).copied();
    let mut taken: HashSet<String> = held.iter().map(|row| name_key(&row.original)).collect();
    taken.extend(
        held.iter()
            .filter_map(|row| typed_of(&row.original).map(name_key)),
    );
    // By group key: the group as first spelt, and how many letters are used.
    let mut letters_used: HashMap<String, (String, usize)> = HashMap::new();
    held.into_iter()
        .map(|mut row| {
            if let Some(pseudonym) = typed_of(&row.original) {
                row.pseudonym = pseudonym.to_string();
                row.is_default = false;
                return row;
            }
            let stem = match row.source {
                NameSource::Place => PLACE_PSEUDONYM,
                _ if row.group.is_empty() => NO_GROUP_STEM,
                _ => &row.group,
            };
            let (spelling, used) = letters_used
                .entry(name_key(stem))
                .or_insert_with(|| (stem.to_string(), 0));
            row.pseudonym = loop {
                let candidate = match row.source {
                    // "[Study Location]", then (only if that is taken) "[Study Location B]".
                    NameSource::Place if *used == 0 => spelling.clone(),
                    NameSource::Place => format!("[Study Location {}]", letters(*used)),
                    _ => format!("{spelling} {}", letters(*used)),
                };
                *used += 1;
                if taken.insert(name_key(&candidate)) {
                    break candidate;
                }
            };
            row
        })
        .collect()
}

/// The names as the workshop holds them, each once, pseudonyms not yet given.
fn names_held(workshop: &Workshop, publication: &Publication) -> Vec<NameRow> {
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |name: &str, source: NameSource, group: &str| {
        let original = name.trim();
        if !original.is_empty() && seen.insert(name_key(original)) {
            rows.push(NameRow {
                original: original.to_string(),
                source,
                group: group.trim().to_string(),
                pseudonym: String::new(),
                is_default: true,
            });
        }
    };
    add(&workshop.place, NameSource::Place, "");
    for exercise in &workshop.exercises {
        match &exercise.data {
            ExerciseData::OrganisationalMap(map) => {
                for actor in &map.actors {
                    let group = map.group(&actor.group_id).map_or("", |g| g.label.as_str());
                    add(&actor.name, NameSource::Actor, group);
                }
            }
            ExerciseData::PowerVenn(venn) => {
                for institution in &venn.institutions {
                    add(
                        &institution.label,
                        NameSource::Institution,
                        &institution.group,
                    );
                }
            }
            ExerciseData::PairwiseRanking(ranking) => {
                let ticked = ranking
                    .items
                    .iter()
                    .filter(|item| publication.organisation_items.contains(&item.id));
                for item in ticked {
                    add(&item.label, NameSource::RankingItem, "");
                }
            }
            ExerciseData::Vignette(_) => {}
        }
    }
    rows
}

/// A default's letters for its `index` (from 0) within its group: A … Z, then AA, AB, ….
fn letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        rest -= 1;
        letters.push(char::from(b'A' + (rest % 26) as u8));
        rest /= 26;
    }
    letters.iter().rev().collect()
}

/// The table as the pairs (original → pseudonym) [`replace_names`] takes.
pub fn replacements(table: &[NameRow]) -> Vec<(String, String)> {
    table
        .iter()
        .map(|row| (row.original.clone(), row.pseudonym.clone()))
        .collect()
}

/// What to leave out of a published copy, beside the names.
///
/// - `leave_out_notes` empties the facilitator's notes: the workshop's, and every exercise's,
///   actor's, link's and institution's.
/// - `leave_out_free_text` empties those notes too, and everything the groups said or wrote:
///   decision reasons (the group's and every ballot's), actors' contributions (the resource
///   tag stays), ranking item descriptions and vignette responses (their resource tags and
///   groups stay). Draft reasons are removed, as the app removes a draft emptied.
///
/// Neither touches what the exercise itself is: the workshop's, exercises' and breaks'
/// titles, participant groups, actor groups, link kinds, the map's question, the community
/// and groups of a Venn diagram, names and labels, ballot labels, and a vignette's scenario,
/// questions and what happened next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublishOptions {
    pub leave_out_notes: bool,
    pub leave_out_free_text: bool,
}

/// A copy of the workshop with every name replaced. The original is never changed.
///
/// A field that is a name (an actor's name, an institution's label, a ranking item's label,
/// the place) and equals one of the table (after trimming and case-folding) becomes exactly
/// its pseudonym; every other text, and such a field that is no name of the table, has the
/// names in it replaced by [`replace_names`]. Ids, numbers, positions and colours stay as
/// they are, and so does the workshop's id (the caller decides about ids), so the copy keeps
/// every rule `check()` checks.
pub fn pseudonymise(workshop: &Workshop, table: &[NameRow], options: &PublishOptions) -> Workshop {
    let matcher = NameMatcher::new(table.iter().map(|row| row.original.as_str()));
    let pseudonyms: Vec<&str> = table.iter().map(|row| row.pseudonym.as_str()).collect();
    let by_key: HashMap<String, &str> = table
        .iter()
        .map(|row| (name_key(&row.original), row.pseudonym.as_str()))
        .collect();
    let mut copy = workshop.clone();
    if options.leave_out_free_text {
        remove_drafts(&mut copy);
    }
    each_text_mut(&mut copy, &mut |kind, text, _| {
        let leave_out = match kind {
            TextKind::Note => options.leave_out_notes || options.leave_out_free_text,
            TextKind::FreeText => options.leave_out_free_text,
            TextKind::Name | TextKind::Label => false,
        };
        if leave_out {
            text.clear();
            return;
        }
        let exact = match kind {
            TextKind::Name => by_key.get(&name_key(text)),
            _ => None,
        };
        *text = match exact {
            Some(pseudonym) => pseudonym.to_string(),
            None => matcher.replace(text, &pseudonyms),
        };
    });
    copy
}

fn remove_drafts(workshop: &mut Workshop) {
    for shared in &mut workshop.exercises {
        let has_drafts = match &shared.data {
            ExerciseData::PairwiseRanking(r) => {
                !r.drafts.is_empty() || r.ballots.iter().any(|b| !b.drafts.is_empty())
            }
            _ => false,
        };
        if let (true, ExerciseData::PairwiseRanking(ranking)) =
            (has_drafts, &mut shared.make_mut().data)
        {
            ranking.drafts.clear();
            for ballot in &mut ranking.ballots {
                ballot.drafts.clear();
            }
        }
    }
}

/// An original name still found in a published copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Leftover {
    /// Where, in plain words: "Map “Who helps”: actor “Faith group A”, notes".
    pub place: String,
    /// The name, as the table writes it.
    pub name: String,
    /// The text around it, about 30 characters either side, on one line.
    pub excerpt: String,
}

/// How many characters of context an excerpt shows either side of a name.
const EXCERPT_CONTEXT: usize = 30;

/// Where an original name still appears, case-insensitively, anywhere in the (already
/// pseudonymised) workshop's text, e.g. inside a longer word ("Mosques", "St Mary'sCentre"),
/// so the facilitator can fix it before exporting.
///
/// A name found inside a pseudonym of the table (anywhere that pseudonym appears) is not
/// reported: a pseudonym the facilitator typed that contains a name ("Mosque group X" for
/// "Mosque women's group"), or kept the same as the name, is their choice, and a default
/// may contain a short name ("Faith group A" holds an actor called "Faith"). The cost: text
/// that was written exactly as a pseudonym is spelt is not reported either.
pub fn leftovers(published: &Workshop, table: &[NameRow]) -> Vec<Leftover> {
    let finder = LeftoverFinder::new(table);
    let mut found = Vec::new();
    // The walk takes the workshop to change; this one only reads it, from a copy.
    let mut copy = published.clone();
    each_text_mut(&mut copy, &mut |_, text, place| {
        finder.each(text, |row, bytes| {
            found.push(Leftover {
                place: place(),
                name: table[row].original.clone(),
                excerpt: excerpt(text, bytes),
            });
        });
    });
    found
}

/// The original names still found (case-insensitive substring, as [`leftovers`] finds them)
/// in any text, e.g. a file of an export: each once, in the table's order.
pub fn names_found_in(text: &str, table: &[NameRow]) -> Vec<String> {
    let mut found = vec![false; table.len()];
    let finder = LeftoverFinder::new(table);
    finder.each(text, |row, _| found[row] = true);
    table
        .iter()
        .zip(found)
        .filter(|(_, found)| *found)
        .map(|(row, _)| row.original.clone())
        .collect()
}

struct LeftoverFinder {
    originals: NameMatcher,
    pseudonyms: NameMatcher,
}

impl LeftoverFinder {
    fn new(table: &[NameRow]) -> Self {
        LeftoverFinder {
            originals: NameMatcher::new(table.iter().map(|row| row.original.as_str())),
            pseudonyms: NameMatcher::new(table.iter().map(|row| row.pseudonym.as_str())),
        }
    }

    /// Calls `found(row, bytes)` for each name found in `text` outside the pseudonyms in it,
    /// `row` its index in the table.
    fn each(&self, text: &str, mut found: impl FnMut(usize, Range<usize>)) {
        let mut pseudonyms: Vec<Range<usize>> = Vec::new();
        self.pseudonyms.scan(text, false, |_, bytes| {
            pseudonyms.push(bytes);
            true
        });
        self.originals.scan(text, false, |name, bytes| {
            let inside = |p: &Range<usize>| p.start <= bytes.start && bytes.end <= p.end;
            if pseudonyms.iter().any(inside) {
                return false;
            }
            found(name, bytes);
            true
        });
    }
}

/// The text around `bytes`, [`EXCERPT_CONTEXT`] characters either side, white space runs
/// made one space, with "…" where it is cut.
fn excerpt(text: &str, bytes: Range<usize>) -> String {
    let before: Vec<char> = text[..bytes.start].chars().collect();
    let after: Vec<char> = text[bytes.end..].chars().collect();
    let start = before.len().saturating_sub(EXCERPT_CONTEXT);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&before[start..]);
    out.push_str(&text[bytes]);
    out.extend(after.iter().take(EXCERPT_CONTEXT));
    if after.len() > EXCERPT_CONTEXT {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_go_on_past_z() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].map(letters).to_vec();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn an_excerpt_is_cut_on_characters_and_put_on_one_line() {
        let text = format!("{}\nمسجد\n{}", "ب".repeat(40), "ج".repeat(40));
        let start = text.find("مسجد").unwrap_or_default();
        let cut = excerpt(&text, start..start + "مسجد".len());
        assert_eq!(cut, format!("…{} مسجد {}…", "ب".repeat(29), "ج".repeat(29)));
    }
}
