//! The versioned file format, shared by exported files and by what the browser stores.
//!
//! ```json
//! { "format": "pla-workshop", "schema_version": 1, "saved_at": 1764000000000, "workshops": [ … ] }
//! ```
//! `docs/file-format.md` documents every field; `docs/pla-workshop.schema.json` is its JSON Schema.

use crate::model::{
    ExerciseBody, ExerciseData, ExerciseKind, Millis, ParticipantGroup, SharedExercise, Workshop,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::HashMap;

/// The `format` field of every file this app writes.
pub const FORMAT_NAME: &str = "pla-workshop";
/// The schema version this build writes. Every earlier version has a migration below and a
/// frozen fixture under `tests/fixtures/`.
pub const SCHEMA_VERSION: u32 = 1;
/// A file larger than this cannot be a workshop; refusing it keeps the tab responsive.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    pub saved_at: Millis,
    pub workshops: Vec<Workshop>,
}

impl Envelope {
    pub fn new(workshops: Vec<Workshop>, saved_at: Millis) -> Self {
        Envelope {
            format: FORMAT_NAME.to_string(),
            schema_version: SCHEMA_VERSION,
            saved_at,
            workshops,
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings, numbers and vectors cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Writes one workshop as a file without copying it first (saves happen on every change).
pub fn single_workshop_json(workshop: &Workshop, saved_at: Millis) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        format: &'a str,
        schema_version: u32,
        saved_at: Millis,
        workshops: &'a [Workshop],
    }
    let file = Borrowed {
        format: FORMAT_NAME,
        schema_version: SCHEMA_VERSION,
        saved_at,
        workshops: std::slice::from_ref(workshop),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Each exercise's JSON from the last save, with the exercise it was written from.
///
/// A workshop is saved whole on every change, and one exercise (a big map) can be most of a
/// megabyte. Typing in the workshop's notes should not write that map out again: an
/// exercise equal to the one last written reuses its text. Equality, not a flag set by the
/// editors, decides, so no code path can make a stale entry stick: comparing is several
/// times quicker than writing.
#[derive(Debug, Default)]
pub struct ExerciseJsonCache {
    /// Keyed by workshop id and exercise id.
    written: HashMap<(String, String), Written>,
}

#[derive(Debug)]
struct Written {
    /// Kept shared: while the cache holds it, an edit copies it out
    /// (`SharedExercise::make_mut`), so the cached one is exactly what was written, and an
    /// unchanged exercise is recognised by pointer.
    exercise: SharedExercise,
    json: Box<RawValue>,
    /// New each time this JSON is written, never reused (see [`WorkshopTextParts`]).
    version: u64,
}

/// Versions for every cache in the program, so no two writings ever share one.
static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl ExerciseJsonCache {
    /// Makes the entry for `exercise` hold its current JSON, writing it only if the
    /// exercise changed since. False if it cannot be written (not for plain data).
    fn refresh(&mut self, workshop_id: &str, exercise: &SharedExercise) -> bool {
        let key = (workshop_id.to_string(), exercise.id.clone());
        if self
            .written
            .get(&key)
            .is_some_and(|written| written.exercise == *exercise)
        {
            return true;
        }
        match serde_json::value::to_raw_value(&**exercise) {
            Ok(json) => {
                let version = NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let exercise = exercise.clone();
                self.written.insert(
                    key,
                    Written {
                        exercise,
                        json,
                        version,
                    },
                );
                true
            }
            Err(_) => false,
        }
    }

    fn get(&self, workshop_id: &str, exercise_id: &str) -> Option<&Written> {
        self.written
            .get(&(workshop_id.to_string(), exercise_id.to_string()))
    }

    /// Forgets a deleted workshop's exercises.
    pub fn forget_workshop(&mut self, workshop_id: &str) {
        self.written.retain(|(id, _), _| id != workshop_id);
    }

    /// Forgets the exercises a workshop no longer has.
    fn keep_only(&mut self, workshop: &Workshop) {
        self.written.retain(|(workshop_id, exercise_id), _| {
            workshop_id != &workshop.id || workshop.exercises.iter().any(|e| &e.id == exercise_id)
        });
    }
}

/// The same text as [`single_workshop_json`], reusing the JSON of exercises unchanged since
/// the last save.
pub fn single_workshop_json_cached(
    workshop: &Workshop,
    saved_at: Millis,
    cache: &mut ExerciseJsonCache,
) -> String {
    match single_workshop_json_parts(workshop, saved_at, cache) {
        Some(parts) => parts.joined(),
        // Cannot happen for plain data; the uncached writer is always right.
        None => single_workshop_json(workshop, saved_at),
    }
}

/// One workshop's stored text in parts: `before`, each exercise's JSON with a comma between
/// them, then `after`. Joined, exactly the text [`single_workshop_json`] writes. The browser
/// joins the parts as JavaScript strings, and converts an exercise's JSON to one only when
/// its `version` is new, not on every keystroke.
#[derive(Debug)]
pub struct WorkshopTextParts<'a> {
    pub before: String,
    /// Each exercise's id, the version of its JSON (new whenever it is written again, and
    /// never reused), and the JSON.
    pub exercises: Vec<(&'a str, u64, &'a RawValue)>,
    pub after: String,
}

impl WorkshopTextParts<'_> {
    pub fn joined(&self) -> String {
        let exercises: usize = self
            .exercises
            .iter()
            .map(|(_, _, j)| j.get().len() + 1)
            .sum();
        let mut text = String::with_capacity(self.before.len() + exercises + self.after.len());
        text.push_str(&self.before);
        for (index, (_, _, json)) in self.exercises.iter().enumerate() {
            if index > 0 {
                text.push(',');
            }
            text.push_str(json.get());
        }
        text.push_str(&self.after);
        text
    }
}

/// The parts of one workshop's stored text, writing out again only the exercises changed
/// since the cache last saw them. `None` only if an exercise cannot be written (not for plain
/// data).
pub fn single_workshop_json_parts<'a>(
    workshop: &'a Workshop,
    saved_at: Millis,
    cache: &'a mut ExerciseJsonCache,
) -> Option<WorkshopTextParts<'a>> {
    // The workshop's fields in `Workshop`'s order, with no exercises: the text is cut where
    // they go. A test checks that the joined parts are exactly what `single_workshop_json`
    // writes.
    #[derive(Serialize)]
    struct WorkshopWritten<'a> {
        id: &'a str,
        title: &'a str,
        date: &'a str,
        place: &'a str,
        notes: &'a str,
        groups: &'a [ParticipantGroup],
        exercises: [(); 0],
        created_at: Millis,
        updated_at: Millis,
    }
    #[derive(Serialize)]
    struct File<'a> {
        format: &'a str,
        schema_version: u32,
        saved_at: Millis,
        workshops: [WorkshopWritten<'a>; 1],
    }
    cache.keep_only(workshop);
    for exercise in &workshop.exercises {
        if !cache.refresh(&workshop.id, exercise) {
            return None;
        }
    }
    let cache: &'a ExerciseJsonCache = cache;
    // The cached text itself, borrowed: no copy of a big exercise's JSON per save.
    let exercises = workshop
        .exercises
        .iter()
        .map(|exercise| {
            let written = cache.get(&workshop.id, &exercise.id)?;
            Some((exercise.id.as_str(), written.version, &*written.json))
        })
        .collect::<Option<Vec<_>>>()?;
    let file = File {
        format: FORMAT_NAME,
        schema_version: SCHEMA_VERSION,
        saved_at,
        workshops: [WorkshopWritten {
            id: &workshop.id,
            title: &workshop.title,
            date: &workshop.date,
            place: &workshop.place,
            notes: &workshop.notes,
            groups: &workshop.groups,
            exercises: [],
            created_at: workshop.created_at,
            updated_at: workshop.updated_at,
        }],
    };
    let text = serde_json::to_string(&file).ok()?;
    // The last match is the workshop's own key: what follows it is two numbers, and a quote
    // inside any text before it is written escaped (`\"`), so no text can hold the match.
    const NO_EXERCISES: &str = "\"exercises\":[]";
    let cut = text.rfind(NO_EXERCISES)? + NO_EXERCISES.len() - 1;
    let (before, after) = text.split_at(cut);
    Some(WorkshopTextParts {
        before: before.to_string(),
        exercises,
        after: after.to_string(),
    })
}

/// Why a file or a stored value could not be read. Each says what is wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but a value of the wrong kind (text where a number belongs, a missing field).
    WrongValue {
        line: usize,
        column: usize,
        message: String,
    },
    NotOurFormat,
    NewerVersion {
        found: u64,
    },
    MigrationFailed {
        from: u32,
        message: String,
    },
    Invalid {
        path: String,
        message: String,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB, too large to be a workshop (the limit is {} MB).",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            ReadError::NotJson { line, column, message } => {
                write!(f, "The file is not valid JSON (line {line}, column {column}): {message}.")
            }
            ReadError::WrongValue { line, column, message } => {
                write!(f, "At line {line}, column {column}: {message}.")
            }
            ReadError::NotOurFormat => write!(
                f,
                "The file is JSON, but not a PLA Workshop file (its \"format\" is not \"{FORMAT_NAME}\")."
            ),
            ReadError::NewerVersion { found } => write!(
                f,
                "The data was written by a newer version of PLA Workshop (schema version {found}; this app reads up to {SCHEMA_VERSION}). Update the app to open it."
            ),
            ReadError::MigrationFailed { from, message } => write!(
                f,
                "The data is from schema version {from} and could not be brought up to date: {message}."
            ),
            ReadError::Invalid { path, message } => write!(f, "At {path}: {message}."),
        }
    }
}

/// Migrations, indexed by the version they start from: `MIGRATIONS[0]` takes version 1 to 2.
/// Each is a pure function on JSON, so it works on data that no longer fits today's structs.
/// Never change one after its version is released; add the next instead.
type Migration = fn(Value) -> Result<Value, String>;
const MIGRATIONS: &[Migration] = &[];

/// Brings a parsed file of schema version `from` up to `SCHEMA_VERSION`, one migration at a time.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, ReadError> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        let step =
            MIGRATIONS
                .get(version as usize - 1)
                .ok_or_else(|| ReadError::MigrationFailed {
                    from: version,
                    message: "no migration is known for this version".into(),
                })?;
        value = step(value).map_err(|message| ReadError::MigrationFailed {
            from: version,
            message,
        })?;
        version += 1;
        value["schema_version"] = Value::from(version);
    }
    Ok(value)
}

/// Just enough of a file to know whether, and how, to read the rest.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema_version: Option<u64>,
}

fn json_error(error: serde_json::Error) -> ReadError {
    let (line, column) = (error.line(), error.column());
    let message = error.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or_default()
        .to_string();
    if error.is_data() {
        ReadError::WrongValue {
            line,
            column,
            message,
        }
    } else {
        ReadError::NotJson {
            line,
            column,
            message,
        }
    }
}

/// Checks the format name and returns the schema version, refusing newer versions.
fn read_header(text: &str) -> Result<u32, ReadError> {
    let header: Header = serde_json::from_str(text).map_err(|e| match json_error(e) {
        ReadError::WrongValue { .. } => ReadError::NotOurFormat,
        other => other,
    })?;
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(ReadError::NotOurFormat);
    }
    match header.schema_version {
        None | Some(0) => Err(ReadError::Invalid {
            path: "schema_version".into(),
            message: "it must be a whole number from 1".into(),
        }),
        Some(found) if found > u64::from(SCHEMA_VERSION) => Err(ReadError::NewerVersion { found }),
        Some(found) => Ok(found as u32),
    }
}

/// Reads a file or stored value completely, checking every rule, before anything is changed.
pub fn read(text: &str) -> Result<Envelope, ReadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() });
    }
    // The usual case, a file of today's version, is read in one pass. Only when that fails, or
    // the file is of another version, is the header read on its own to say why, or to migrate.
    // serde_json limits nesting depth and rejects out-of-range numbers with an error, not a panic.
    let direct: Result<Envelope, _> = serde_json::from_str(text);
    let envelope = match direct {
        Ok(envelope)
            if envelope.format == FORMAT_NAME && envelope.schema_version == SCHEMA_VERSION =>
        {
            envelope
        }
        first_attempt => {
            let version = read_header(text)?;
            if version == SCHEMA_VERSION {
                // The header is fine, so the first attempt's error is the one to report.
                first_attempt.map_err(json_error)?
            } else {
                let value: Value = serde_json::from_str(text).map_err(json_error)?;
                let current = migrate(value, version)?;
                serde_json::from_str(&current.to_string()).map_err(json_error)?
            }
        }
    };
    let mut ids = std::collections::HashSet::new();
    for (index, workshop) in envelope.workshops.iter().enumerate() {
        if !ids.insert(workshop.id.as_str()) {
            return Err(ReadError::Invalid {
                path: format!("workshops[{index}].id"),
                message: format!("the id {:?} is used twice in this file", workshop.id),
            });
        }
        if let Some(problem) = workshop.check().into_iter().next() {
            return Err(ReadError::Invalid {
                path: format!("workshops[{index}]"),
                message: problem,
            });
        }
    }
    Ok(envelope)
}

/// Reads the exercise data that [`read`] left unread (under
/// `model::read_with_exercise_data_unread`), then checks the workshop as [`read`] would.
pub fn read_exercise_data(workshop: &mut Workshop) -> Result<(), ReadError> {
    if !workshop.exercises.iter().any(|e| e.data.is_unread()) {
        return Ok(());
    }
    for (index, shared) in workshop.exercises.iter_mut().enumerate() {
        let ExerciseBody::Unread { kind, json } = &shared.data else {
            continue;
        };
        let text = json.get();
        let data = match kind {
            ExerciseKind::OrganisationalMap => {
                serde_json::from_str(text).map(ExerciseData::OrganisationalMap)
            }
            ExerciseKind::PowerVenn => serde_json::from_str(text).map(ExerciseData::PowerVenn),
            ExerciseKind::PairwiseRanking => {
                serde_json::from_str(text).map(ExerciseData::PairwiseRanking)
            }
        }
        .map_err(|error| ReadError::Invalid {
            path: format!("workshops[0].exercises[{index}].data"),
            message: error.to_string(),
        })?;
        shared.make_mut().data = ExerciseBody::Read(data);
    }
    match workshop.check().into_iter().next() {
        Some(problem) => Err(ReadError::Invalid {
            path: "workshops[0]".into(),
            message: problem,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_versions_are_refused_not_guessed() {
        let text = r#"{"format":"pla-workshop","schema_version":99,"saved_at":0,"workshops":[]}"#;
        assert_eq!(read(text), Err(ReadError::NewerVersion { found: 99 }));
    }

    #[test]
    fn errors_say_where() {
        let text = "{\"format\":\"pla-workshop\",\"schema_version\":1,\"saved_at\":0,\n\"workshops\":[{\"id\":\"w\",\"title\":7}]}";
        match read(text) {
            Err(ReadError::WrongValue { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("invalid type"), "{message}");
            }
            other => panic!("expected a wrong-value error, got {other:?}"),
        }
    }

    #[test]
    fn a_file_of_another_program_is_not_ours() {
        assert_eq!(
            read(r#"{"nodes": [], "edges": []}"#),
            Err(ReadError::NotOurFormat)
        );
        assert_eq!(read("[1, 2, 3]"), Err(ReadError::NotOurFormat));
    }

    #[test]
    fn broken_json_reports_line_and_column() {
        match read("{\n  \"format\": ") {
            Err(ReadError::NotJson { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected a JSON error, got {other:?}"),
        }
    }
}
