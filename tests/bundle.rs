//! "Export everything": every file of a workshop, named by exercise, in one zip
//! (`export::files`, `export::archive`).

use pla_workshop::export::archive::write_zip;
use pla_workshop::export::files::{exercise_files, workshop_files, Content};
use pla_workshop::model::Workshop;
use pla_workshop::storage::format::{read, Envelope};
use std::io::Read;

const EXAMPLE: &str = include_str!("../examples/phase-zero-workshop.json");

fn example() -> Workshop {
    read(EXAMPLE)
        .expect("the example reads")
        .workshops
        .remove(0)
}

#[test]
fn the_zip_holds_the_report_the_workshop_and_every_exercise_file_named_by_exercise() {
    let workshop = example();
    let json = Envelope::new(vec![workshop.clone()], 0.0).to_pretty_json();
    let files = workshop_files(&workshop, json, 0.0);
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let expected = [
        "Phase-zero-how-coproduction-works-report.html",
        "pla-workshop-Phase-zero-how-coproduction-works.json",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support@2x.png",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support.svg",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support-nodes.csv",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support-edges.csv",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support-analysis.csv",
        "01-Who-shapes-mental-health-support/Who-shapes-mental-health-support.graphml",
        "02-Venn-now/Venn-now@2x.png",
        "02-Venn-now/Venn-now.svg",
        "02-Venn-now/Venn-now-table.csv",
        "03-Venn-ideal/Venn-ideal@2x.png",
        "03-Venn-ideal/Venn-ideal.svg",
        "03-Venn-ideal/Venn-ideal-table.csv",
        "04-Priorities-community-organisations/Priorities-community-organisations-matrix.csv",
        "04-Priorities-community-organisations/Priorities-community-organisations-scores.csv",
        "04-Priorities-community-organisations/Priorities-community-organisations-decisions.csv",
        "04-Priorities-community-organisations/Priorities-community-organisations-matrix@2x.png",
        "04-Priorities-community-organisations/Priorities-community-organisations-matrix.svg",
        "04-Priorities-community-organisations/Priorities-community-organisations-chart@2x.png",
        "04-Priorities-community-organisations/Priorities-community-organisations-chart.svg",
        "04-Priorities-community-organisations/Priorities-community-organisations-triads.csv",
        "05-Priorities-statutory-services/Priorities-statutory-services-matrix.csv",
        "05-Priorities-statutory-services/Priorities-statutory-services-scores.csv",
        "05-Priorities-statutory-services/Priorities-statutory-services-decisions.csv",
        "05-Priorities-statutory-services/Priorities-statutory-services-matrix@2x.png",
        "05-Priorities-statutory-services/Priorities-statutory-services-matrix.svg",
        "05-Priorities-statutory-services/Priorities-statutory-services-chart@2x.png",
        "05-Priorities-statutory-services/Priorities-statutory-services-chart.svg",
        "05-Priorities-statutory-services/Priorities-statutory-services-triads.csv",
        "comparisons/Venn-now-to-Venn-ideal-changes.csv",
        "comparisons/rankings-1-side-by-side.csv",
        "comparisons/rankings-1-agreement.csv",
    ];
    assert_eq!(paths, expected);
}

#[test]
fn every_figure_is_there_as_svg_and_as_a_png_of_the_same_svg() {
    let workshop = example();
    let files = workshop_files(&workshop, String::new(), 0.0);
    for file in &files {
        if let Content::Png { svg, scale } = &file.content {
            assert_eq!(*scale, 2);
            let svg_path = file.path.replace("@2x.png", ".svg");
            let same = files.iter().find(|f| f.path == svg_path).expect("its SVG");
            assert_eq!(same.content, Content::Text(svg.clone()), "{}", file.path);
        }
    }
    // Each exercise's folder holds one file for each its Export menu offers, and a PNG for
    // each figure.
    for (index, exercise) in workshop.exercises.iter().enumerate() {
        let folder = format!("{:02}-", index + 1);
        let in_folder = |png: bool| {
            files
                .iter()
                .filter(|f| f.path.starts_with(&folder) && f.path.ends_with(".png") == png)
                .count()
        };
        let offered = exercise_files(exercise);
        let figures = offered
            .iter()
            .filter(|f| f.name("x").ends_with(".svg"))
            .count();
        assert_eq!(in_folder(false), offered.len(), "{}", exercise.title);
        assert_eq!(in_folder(true), figures, "{}", exercise.title);
    }
}

#[test]
fn the_zip_opens_and_gives_back_every_file_byte_for_byte() {
    let files = vec![
        (
            "report.html".to_string(),
            "<!DOCTYPE html>\n<p>Ünïcödé مسجد</p>".as_bytes().to_vec(),
        ),
        (
            "01-map/map@2x.png".to_string(),
            vec![0x89, b'P', b'N', b'G', 0, 1, 2, 3],
        ),
        (
            "01-map/map-nodes.csv".to_string(),
            "\u{feff}id,name\n".repeat(500).into_bytes(),
        ),
    ];
    let zip = write_zip(&files).expect("a zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("it opens");
    assert_eq!(archive.len(), files.len());
    for (path, bytes) in &files {
        let mut entry = archive.by_name(path).expect("the file is in it");
        let mut read_back = Vec::new();
        entry.read_to_end(&mut read_back).expect("it reads");
        assert_eq!(&read_back, bytes, "{path}");
    }
    // The text is deflated; the PNG, compressed already, is stored.
    assert_eq!(
        archive
            .by_name("01-map/map-nodes.csv")
            .map(|f| f.compression())
            .ok(),
        Some(zip::CompressionMethod::Deflated)
    );
    assert_eq!(
        archive
            .by_name("01-map/map@2x.png")
            .map(|f| f.compression())
            .ok(),
        Some(zip::CompressionMethod::Stored)
    );
}

#[test]
fn a_file_name_keeps_letters_and_digits_in_any_script_with_one_dash_between_words() {
    use pla_workshop::export::files::file_stem;
    assert_eq!(file_stem("Venn — now", "venn"), "Venn-now");
    assert_eq!(
        file_stem("Phase zero: how coproduction works", "workshop"),
        "Phase-zero-how-coproduction-works"
    );
    assert_eq!(
        file_stem("  «Youth forum», 12/11 ", "workshop"),
        "Youth-forum-12-11"
    );
    assert_eq!(file_stem("ফোরাম ২০২৬", "workshop"), "ফোরাম-২০২৬");
    assert_eq!(file_stem("مجلس الشباب", "workshop"), "مجلس-الشباب");
    assert_eq!(file_stem(" — ", "workshop"), "workshop");
    assert_eq!(file_stem("", "venn"), "venn");
}
