//! What a refused file's message says of its size: megabytes to one decimal, worked in whole
//! numbers (the first load carries no float printer for it).

use pla_workshop::storage::format::{megabytes_text, ReadError, MAX_FILE_BYTES};

#[test]
fn sizes_are_megabytes_to_one_decimal_rounded_half_up() {
    let mb = 1_048_576;
    assert_eq!(megabytes_text(0), "0.0");
    assert_eq!(megabytes_text(20 * mb), "20.0");
    assert_eq!(megabytes_text(20 * mb + mb / 2), "20.5");
    // 20.04 MB rounds down, 20.05 MB up, as `{:.1}` of the float would.
    assert_eq!(megabytes_text(20 * mb + mb * 4 / 100), "20.0");
    assert_eq!(megabytes_text(20 * mb + mb * 5 / 100 + 1), "20.1");
    assert_eq!(megabytes_text(99 * mb + mb * 96 / 100), "100.0");
}

#[test]
fn a_file_too_large_says_its_size_and_the_limit() {
    let message = ReadError::TooLarge {
        bytes: MAX_FILE_BYTES + MAX_FILE_BYTES / 40,
    }
    .to_string();
    assert_eq!(
        message,
        "The file is 20.5 MB, too large to be a workshop (the limit is 20 MB)."
    );
}
