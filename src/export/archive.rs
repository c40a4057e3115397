//! One `.zip` of many files (the `zip` crate, deflated), for "Export everything".

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The files, by path, as one zip archive. Text is deflated; a PNG, compressed already, is
/// stored. The error says what went wrong (writing into memory should never fail).
pub fn write_zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (path, bytes) in files {
        let method = if path.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        writer
            .start_file(path.as_str(), options)
            .map_err(|e| format!("{path}: {e}"))?;
        writer
            .write_all(bytes)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}
