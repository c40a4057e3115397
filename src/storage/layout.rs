//! How workshops lie in local storage (storage schema versions 2 to 5): a small header key per
//! workshop, and one key per exercise holding its data.
//!
//! ```text
//! pla-workshop/workshop/<workshop id>                  the header: the workshop's fields, and
//!                                                      each exercise's id, title, kind, group, notes
//! pla-workshop/exercise/<workshop id>/<exercise id>    one exercise's data
//! ```
//! Typing in a workshop's notes writes its header, about a kilobyte, and an edit to a map
//! writes that map's key and the header. Start-up reads the headers only.
//!
//! Version 1 kept each workshop whole under its header key, as a one-workshop file of the
//! export format; the saver reads such a value as a file and writes it in this layout.
//! Exported files are unchanged: they stay one file of the format in `format.rs`.

use super::format::{ReadError, FORMAT_NAME};
use crate::model::{Exercise, ExerciseData, ExerciseKind, Millis, SharedExercise, Workshop};
use serde::{Deserialize, Serialize};

/// The layout this build stores. Version 1 is read and moved to this one. Version 3 is
/// version 2's layout holding data of file format version 2 (rankings may hold ballots), so a
/// version 2 value reads as it is; an app that knows only version 2 puts a version 3 value
/// aside instead of dropping its ballots. Version 4 is the same layout again, holding data of
/// file format version 3 (vignettes, and the workshop's plan in its header), so version 2 and
/// 3 values read as they are, and an app that knows only version 3 puts a version 4 value
/// aside instead of dropping a vignette or the plan. Version 5 is the same layout, holding data
/// of file format version 4 (the table of pseudonyms in the header); an app that knows only
/// version 4 puts it aside instead of dropping the table.
pub const STORAGE_SCHEMA_VERSION: u32 = 5;
/// The oldest layout that is read as it stands (older ones are moved).
const SAME_LAYOUT_SINCE: u32 = 2;

pub const KEY_PREFIX: &str = "pla-workshop/";
pub const WORKSHOP_PREFIX: &str = "pla-workshop/workshop/";
pub const EXERCISE_PREFIX: &str = "pla-workshop/exercise/";

/// An id as it stands in a key: `/` separates the parts of a key, so an id (an imported file
/// may hold any text) has its `/` and `%` written as `%2F` and `%25`.
fn key_part(id: &str) -> String {
    id.replace('%', "%25").replace('/', "%2F")
}

fn id_from_key_part(part: &str) -> String {
    part.replace("%2F", "/").replace("%25", "%")
}

pub fn workshop_key(workshop_id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{}", key_part(workshop_id))
}

pub fn exercise_key(workshop_id: &str, exercise_id: &str) -> String {
    format!(
        "{EXERCISE_PREFIX}{}/{}",
        key_part(workshop_id),
        key_part(exercise_id)
    )
}

/// The workshop id a header key names.
pub fn workshop_id_of_key(key: &str) -> Option<String> {
    key.strip_prefix(WORKSHOP_PREFIX).map(id_from_key_part)
}

/// The workshop and exercise ids an exercise key names.
pub fn exercise_ids_of_key(key: &str) -> Option<(String, String)> {
    let (workshop, exercise) = key.strip_prefix(EXERCISE_PREFIX)?.split_once('/')?;
    Some((id_from_key_part(workshop), id_from_key_part(exercise)))
}

/// What a header says of one exercise: all but its data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExerciseHeader {
    pub id: String,
    pub title: String,
    pub kind: ExerciseKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    #[serde(default)]
    pub notes: String,
}

/// A workshop without its exercises' data: what its header key holds.
pub type WorkshopHeader = Workshop<ExerciseHeader>;

impl Workshop<ExerciseHeader> {
    pub fn of(workshop: &Workshop) -> WorkshopHeader {
        WorkshopHeader {
            id: workshop.id.clone(),
            title: workshop.title.clone(),
            date: workshop.date.clone(),
            place: workshop.place.clone(),
            notes: workshop.notes.clone(),
            groups: workshop.groups.clone(),
            exercises: workshop
                .exercises
                .iter()
                .map(|e| ExerciseHeader {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    kind: e.data.kind(),
                    group_id: e.group_id.clone(),
                    notes: e.notes.clone(),
                })
                .collect(),
            plan: workshop.plan.clone(),
            publication: workshop.publication.clone(),
            created_at: workshop.created_at,
            updated_at: workshop.updated_at,
        }
    }

    /// The workshop, with each exercise's data from `data` (given its header), in order.
    pub fn into_workshop(
        mut self,
        mut data: impl FnMut(&ExerciseHeader) -> ExerciseData,
    ) -> Workshop {
        let exercises = std::mem::take(&mut self.exercises)
            .into_iter()
            .map(|header| {
                let data = data(&header);
                SharedExercise::new(Exercise {
                    id: header.id,
                    title: header.title,
                    group_id: header.group_id,
                    notes: header.notes,
                    data,
                })
            })
            .collect();
        self.with_exercises(exercises)
    }

    /// The workshop of this header's fields with these exercises.
    pub fn with_exercises(self, exercises: Vec<SharedExercise>) -> Workshop {
        Workshop {
            id: self.id,
            title: self.title,
            date: self.date,
            place: self.place,
            notes: self.notes,
            groups: self.groups,
            exercises,
            plan: self.plan,
            publication: self.publication,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

impl ExerciseHeader {
    /// Whether `exercise` is what this header says, data aside.
    pub fn describes(&self, exercise: &Exercise) -> bool {
        self.id == exercise.id
            && self.title == exercise.title
            && self.kind == exercise.data.kind()
            && self.group_id == exercise.group_id
            && self.notes == exercise.notes
    }
}

/// A stored value of this layout: the format's name and the layout's version around it, so
/// a value is never mistaken for another program's, or read by a build too old for it.
#[derive(Serialize, Deserialize)]
struct Stored<T> {
    format: String,
    schema_version: u32,
    saved_at: Millis,
    workshop: T,
}

#[derive(Serialize)]
struct StoredData<'a> {
    format: &'a str,
    schema_version: u32,
    saved_at: Millis,
    data: &'a ExerciseData,
}

#[derive(Deserialize)]
struct ReadData {
    format: String,
    schema_version: u64,
    data: ExerciseData,
}

pub fn header_text(workshop: &Workshop, saved_at: Millis) -> String {
    let stored = Stored {
        format: FORMAT_NAME.to_string(),
        schema_version: STORAGE_SCHEMA_VERSION,
        saved_at,
        workshop: WorkshopHeader::of(workshop),
    };
    // Plain strings, numbers and vectors always serialise.
    serde_json::to_string(&stored).unwrap_or_default()
}

pub fn exercise_text(data: &ExerciseData, saved_at: Millis) -> String {
    let stored = StoredData {
        format: FORMAT_NAME,
        schema_version: STORAGE_SCHEMA_VERSION,
        saved_at,
        data,
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// The layout version of a stored value; refuses other programs' values and newer layouts.
pub fn stored_version(text: &str) -> Result<u32, ReadError> {
    match super::format::read_version(text)? {
        found if found > u64::from(STORAGE_SCHEMA_VERSION) => {
            Err(ReadError::NewerStorage { found })
        }
        found => Ok(found as u32),
    }
}

fn json_error(error: serde_json::Error) -> ReadError {
    super::format::json_error(error)
}

/// Reads a version 2 header stored under `key`, checking that it is the workshop the key
/// names and that it keeps the workshop's rules.
pub fn read_header(key: &str, text: &str) -> Result<WorkshopHeader, ReadError> {
    let stored: Stored<WorkshopHeader> = serde_json::from_str(text).map_err(json_error)?;
    let header = stored.workshop;
    if Some(&header.id) != workshop_id_of_key(key).as_ref() {
        return Err(ReadError::Invalid {
            path: "workshop.id".into(),
            message: format!("the workshop's id does not match its storage key {key:?}"),
        });
    }
    let mut ids = std::collections::HashSet::new();
    for (index, exercise) in header.exercises.iter().enumerate() {
        if !ids.insert(exercise.id.as_str()) {
            return Err(ReadError::Invalid {
                path: format!("workshop.exercises[{index}].id"),
                message: format!("the id {:?} is used twice", exercise.id),
            });
        }
    }
    // The workshop's own rules (group ids, the groups exercises name), on empty data.
    let problems = header
        .clone()
        .into_workshop(|e| ExerciseData::empty(e.kind))
        .check();
    match problems.into_iter().next() {
        Some(problem) => Err(ReadError::Invalid {
            path: "workshop".into(),
            message: problem,
        }),
        None => Ok(header),
    }
}

/// Reads one exercise's stored data, which must be of the kind its header says, and keep
/// the kind's rules.
pub fn read_exercise(text: &str, kind: ExerciseKind) -> Result<ExerciseData, ReadError> {
    // One pass in the usual case: a big map's data is most of what start-up reads, and
    // reading the version on its own first would scan all of it twice.
    let direct = serde_json::from_str::<ReadData>(text);
    let data = match direct {
        Ok(read)
            if read.format == FORMAT_NAME
                && (u64::from(SAME_LAYOUT_SINCE)..=u64::from(STORAGE_SCHEMA_VERSION))
                    .contains(&read.schema_version) =>
        {
            read.data
        }
        first_attempt => {
            // Only now the version alone, to say why: another program's value, a newer
            // layout, or a wrong value in the data.
            let version = stored_version(text)?;
            if version < SAME_LAYOUT_SINCE {
                return Err(ReadError::Invalid {
                    path: "schema_version".into(),
                    message: format!("an exercise's data is stored only from version {SAME_LAYOUT_SINCE}, not in {version}"),
                });
            }
            first_attempt.map_err(json_error)?.data
        }
    };
    if data.kind() != kind {
        return Err(ReadError::Invalid {
            path: "data".into(),
            message: format!(
                "the data is a {}, but its workshop lists a {}",
                data.kind().label(),
                kind.label()
            ),
        });
    }
    match data.check().into_iter().next() {
        Some(problem) => Err(ReadError::Invalid {
            path: "data".into(),
            message: problem,
        }),
        None => Ok(data),
    }
}
