#![cfg(not(target_arch = "wasm32"))]
//! The README says what the app does: its keys section is what `?` shows, word for word.

use pla_workshop::model::keys::keys_markdown;

#[test]
fn the_readme_lists_the_keys_that_question_mark_shows() {
    let readme = include_str!("../README.md");
    let expected = keys_markdown();
    assert!(
        readme.contains(&expected),
        "README.md's keys section differs from what `?` shows. It should read:\n\n{expected}"
    );
}
