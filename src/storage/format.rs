//! The versioned file format, shared by exported files and by what the browser stores.
//!
//! ```json
//! { "format": "pla-workshop", "schema_version": 1, "saved_at": 1764000000000, "workshops": [ … ] }
//! ```
//! `docs/file-format.md` documents every field; `docs/pla-workshop.schema.json` is its JSON Schema.

use crate::model::{Millis, Workshop};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` field of every file this app writes.
pub const FORMAT_NAME: &str = "pla-workshop";
/// The schema version this build writes. Every earlier version has a migration below and a
/// frozen fixture under `tests/fixtures/`.
pub const SCHEMA_VERSION: u32 = 4;
/// A file larger than this cannot be a workshop; refusing it keeps the tab responsive.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// A size in megabytes to one decimal ("20.5"), worked in whole numbers: formatting a float
/// would build the float printer into the first load for this one message (issue #17).
pub fn megabytes_text(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

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

    /// What exported files carry: the same JSON, indented for a person to read.
    pub fn to_pretty_json(&self) -> String {
        super::pretty_json::indent(&self.to_json())
    }
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
    /// A stored value of a newer storage layout than this build reads.
    NewerStorage {
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
                "The file is {} MB, too large to be a workshop (the limit is {} MB).",
                megabytes_text(*bytes),
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
            ReadError::NewerStorage { found } => write!(
                f,
                "The data was stored by a newer version of PLA Workshop (storage version {found}; this app reads up to {}). Update the app to open it.",
                super::layout::STORAGE_SCHEMA_VERSION
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
const MIGRATIONS: &[Migration] = &[ballots_arrive, vignettes_and_plan_arrive, pseudonyms_arrive];

/// Version 1 to 2: a pair-wise ranking may hold participants' `ballots` and whether their
/// results are revealed (`results_revealed`). A version 1 file has neither, which reads as
/// no ballots and nothing revealed, so the data itself needs no change. The version moves so
/// that an app which knows only version 1 refuses a file with ballots rather than dropping
/// them.
fn ballots_arrive(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 2 to 3: an exercise may be a vignette (`data.vignette`), and a workshop may hold
/// its session plan (`plan`: the running order with breaks, planned minutes and visits). A
/// version 2 file has neither, which reads as no vignettes and an empty plan (the exercises
/// in their order), so the data itself needs no change. The version moves so that an app
/// which knows only version 2 refuses a file with vignettes or a plan rather than dropping
/// them.
fn vignettes_and_plan_arrive(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 3 to 4: a workshop may hold its table of pseudonyms for publication
/// (`publication`: the pseudonyms typed, and the ranking items that name an organisation). A
/// version 3 file has none, which reads as every name on its default, so the data needs no
/// change. The version moves so that an app which knows only version 3 refuses such a file
/// rather than dropping the table.
fn pseudonyms_arrive(value: Value) -> Result<Value, String> {
    Ok(value)
}

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

/// A serde_json error as a `ReadError`, with its line and column.
pub(crate) fn json_error(error: serde_json::Error) -> ReadError {
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

/// Checks the format name and returns the version a file or stored value says it has.
pub(crate) fn read_version(text: &str) -> Result<u64, ReadError> {
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
        Some(found) => Ok(found),
    }
}

/// The schema version of a file, refusing newer versions.
fn read_header(text: &str) -> Result<u32, ReadError> {
    match read_version(text)? {
        found if found > u64::from(SCHEMA_VERSION) => Err(ReadError::NewerVersion { found }),
        found => Ok(found as u32),
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
                match serde_json::from_str(&current.to_string()) {
                    Ok(envelope) => envelope,
                    // A fault the migrations did not touch is in the file as given too:
                    // reported there, it has the line and column the person can find.
                    Err(migrated) => {
                        return Err(json_error(first_attempt.err().unwrap_or(migrated)))
                    }
                }
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
        let text = "{\"format\":\"pla-workshop\",\"schema_version\":2,\"saved_at\":0,\n\"workshops\":[{\"id\":\"w\",\"title\":7}]}";
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
