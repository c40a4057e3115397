//! Every file an exercise can be exported as, and every file of a whole workshop: the one list
//! the Export menus show, "Export everything" zips and the report draws from. Data in, text
//! out; the browser only turns a figure's SVG into its PNG.

use super::{ballots, orgmap, ranking, report, venn, vignette, FigureMeta};
use crate::model::{Exercise, ExerciseData, KindData, Millis, Workshop};

/// What a file is, which gives its extension and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    GraphMl,
    /// An SVG figure, also offered as PNG at 1, 2 and 4 pixels per unit under these labels.
    Figure {
        png_labels: [&'static str; 3],
    },
}

/// One file an exercise can be exported as.
#[derive(Clone, Copy)]
pub struct ExerciseFile {
    /// The menu button's words ("Actors CSV", "Map SVG").
    pub label: &'static str,
    /// What follows the exercise's file stem before the extension: "-nodes", "".
    pub suffix: &'static str,
    pub kind: FileKind,
    /// Writes the file's text (for a figure, its SVG).
    pub make: fn(&Workshop, &Exercise) -> String,
}

impl ExerciseFile {
    /// The file's name after the exercise's stem, for SVG, CSV or GraphML.
    pub fn name(&self, stem: &str) -> String {
        let extension = match self.kind {
            FileKind::Csv => "csv",
            FileKind::GraphMl => "graphml",
            FileKind::Figure { .. } => "svg",
        };
        format!("{stem}{}.{extension}", self.suffix)
    }

    /// A figure's PNG name at `scale` pixels per unit.
    pub fn png_name(&self, stem: &str, scale: u32) -> String {
        format!("{stem}{}@{scale}x.png", self.suffix)
    }
}

/// The kind's data of `exercise`, written by `write`; nothing for another kind.
fn of<T: KindData>(exercise: &Exercise, write: impl FnOnce(&T) -> String) -> String {
    T::of(&exercise.data).map(write).unwrap_or_default()
}

/// The workshop's groups as `(id, label)`, for the files that name a response's or a ballot's.
fn groups_of(workshop: &Workshop) -> Vec<(String, String)> {
    workshop
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.label.clone()))
        .collect()
}

fn csv(
    label: &'static str,
    suffix: &'static str,
    make: fn(&Workshop, &Exercise) -> String,
) -> ExerciseFile {
    ExerciseFile {
        label,
        suffix,
        kind: FileKind::Csv,
        make,
    }
}

fn figure(
    label: &'static str,
    png_labels: [&'static str; 3],
    suffix: &'static str,
    make: fn(&Workshop, &Exercise) -> String,
) -> ExerciseFile {
    ExerciseFile {
        label,
        suffix,
        kind: FileKind::Figure { png_labels },
        make,
    }
}

/// Whether a ranking's ballots may leave the room: only once the facilitator has revealed the
/// results, and never while a ballot is being cast (a ballot's files say how its participant
/// voted).
pub fn ballots_shareable(ranking: &crate::model::ranking::Ranking) -> bool {
    ranking.results_revealed && ranking.open_ballot().is_none()
}

/// Every file `exercise` can be exported as, in the menu's order.
pub fn exercise_files(exercise: &Exercise) -> Vec<ExerciseFile> {
    match &exercise.data {
        ExerciseData::OrganisationalMap(_) => vec![
            figure("Map SVG", ["PNG 1x", "PNG 2x", "PNG 4x"], "", |w, e| {
                of(e, |m| orgmap::map_svg(m, &FigureMeta::of(w, e)))
            }),
            csv("Actors CSV", "-nodes", |_, e| of(e, orgmap::nodes_csv)),
            csv("Links CSV", "-edges", |_, e| of(e, orgmap::edges_csv)),
            csv("Analysis CSV", "-analysis", |_, e| {
                of(e, orgmap::analysis_csv)
            }),
            ExerciseFile {
                label: "GraphML",
                suffix: "",
                kind: FileKind::GraphMl,
                make: |_, e| of(e, orgmap::graphml),
            },
        ],
        ExerciseData::PowerVenn(_) => vec![
            figure("Diagram SVG", ["PNG 1x", "PNG 2x", "PNG 4x"], "", |w, e| {
                of(e, |d| venn::diagram_svg(d, &FigureMeta::of(w, e)))
            }),
            csv("Table CSV", "-table", |_, e| of(e, venn::table_csv)),
        ],
        ExerciseData::PairwiseRanking(r) => {
            let mut files = vec![
                csv("Matrix CSV", "-matrix", |_, e| of(e, ranking::matrix_csv)),
                csv("Scores and ranks CSV", "-scores", |_, e| {
                    of(e, ranking::scores_csv)
                }),
                csv("Decisions and reasons CSV", "-decisions", |_, e| {
                    of(e, ranking::decisions_csv)
                }),
                figure(
                    "Matrix SVG",
                    ["Matrix PNG 1x", "Matrix PNG 2x", "Matrix PNG 4x"],
                    "-matrix",
                    |w, e| of(e, |r| ranking::matrix_svg(r, &FigureMeta::of(w, e))),
                ),
                figure(
                    "Chart SVG",
                    ["Chart PNG 1x", "Chart PNG 2x", "Chart PNG 4x"],
                    "-chart",
                    |w, e| of(e, |r| ranking::bar_chart_svg(r, &FigureMeta::of(w, e))),
                ),
                csv("Circular triads CSV", "-triads", |_, e| {
                    of(e, |r| ballots::triads_csv(r, ballots_shareable(r)))
                }),
            ];
            if ballots_shareable(r) {
                files.extend([
                    csv("Ballots CSV", "-ballots", |w, e| {
                        of(e, |r| ballots::ballots_csv(r, &groups_of(w)))
                    }),
                    csv("Ballots aggregate CSV", "-ballots-aggregate", |_, e| {
                        of(e, ballots::aggregate_csv)
                    }),
                    figure(
                        "Ballots chart SVG",
                        [
                            "Ballots chart PNG 1x",
                            "Ballots chart PNG 2x",
                            "Ballots chart PNG 4x",
                        ],
                        "-ballots-chart",
                        |w, e| {
                            of(e, |r| {
                                ballots::aggregate_chart_svg(r, &FigureMeta::of(w, e))
                            })
                        },
                    ),
                ]);
            }
            files
        }
        ExerciseData::Vignette(_) => vec![
            csv("Responses CSV", "-responses", |w, e| {
                of(e, |v| vignette::responses_csv(v, &groups_of(w)))
            }),
            figure(
                "Card SVG",
                ["Card PNG 1x", "Card PNG 2x", "Card PNG 4x"],
                "-card",
                |w, e| of(e, |v| vignette::card_svg(v, &FigureMeta::of(w, e))),
            ),
        ],
    }
}

/// The start of an exported file's name: the title's letters and digits (in any script),
/// each run of anything else made one `-`, or `fallback` when nothing is left. One dash, so
/// "Venn — now" is `Venn-now`, as a person would type it, not `Venn---now`.
pub fn file_stem(title: &str, fallback: &str) -> String {
    let mut stem = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem.to_string()
    }
}

/// An exercise's file stem: its title's, or its kind's name.
pub fn exercise_stem(exercise: &Exercise) -> String {
    let fallback = match &exercise.data {
        ExerciseData::OrganisationalMap(_) => crate::model::orgmap::OrgMap::FILE_STEM,
        ExerciseData::PowerVenn(_) => crate::model::venn::VennDiagram::FILE_STEM,
        ExerciseData::PairwiseRanking(_) => crate::model::ranking::Ranking::FILE_STEM,
        ExerciseData::Vignette(_) => crate::model::vignette::Vignette::FILE_STEM,
    };
    file_stem(&exercise.title, fallback)
}

// ----- The whole workshop ---------------------------------------------------------------------

/// What one file of the whole workshop holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Text(String),
    /// A PNG the browser draws from this SVG, at this many pixels per unit.
    Png {
        svg: String,
        scale: u32,
    },
}

/// One file of "Export everything", by its path in the zip.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkshopFile {
    pub path: String,
    pub content: Content,
}

/// The scale of the PNGs in "Export everything": sharp on paper, and not huge.
pub const BUNDLE_PNG_SCALE: u32 = 2;

/// Every file of the workshop, named by exercise: the report (HTML), the workshop's file
/// (JSON, `workshop_json`: the caller writes it, as storage owns the format), and per
/// exercise, in a folder numbered in the workshop's order, every figure as SVG and PNG 2x,
/// every table as CSV and the map's GraphML; then the comparisons' tables.
pub fn workshop_files(
    workshop: &Workshop,
    workshop_json: String,
    now: Millis,
) -> Vec<WorkshopFile> {
    let text = |path: String, text: String| WorkshopFile {
        path,
        content: Content::Text(text),
    };
    let stem = file_stem(&workshop.title, "workshop");
    let mut files = vec![
        text(
            format!("{stem}-report.html"),
            report::report_html(workshop, now),
        ),
        text(format!("pla-workshop-{stem}.json"), workshop_json),
    ];
    for (index, exercise) in workshop.exercises.iter().enumerate() {
        let stem = exercise_stem(exercise);
        let folder = format!("{:02}-{stem}", index + 1);
        for file in exercise_files(exercise) {
            let made = (file.make)(workshop, exercise);
            if let FileKind::Figure { .. } = file.kind {
                files.push(WorkshopFile {
                    path: format!("{folder}/{}", file.png_name(&stem, BUNDLE_PNG_SCALE)),
                    content: Content::Png {
                        svg: made.clone(),
                        scale: BUNDLE_PNG_SCALE,
                    },
                });
            }
            files.push(text(format!("{folder}/{}", file.name(&stem)), made));
        }
    }
    for (before, after) in workshop.venn_pairs() {
        let (ExerciseData::PowerVenn(a), ExerciseData::PowerVenn(b)) = (&before.data, &after.data)
        else {
            continue;
        };
        let changes = crate::model::venn::compare(a, b, &[]);
        let name = format!(
            "comparisons/{}-to-{}-changes.csv",
            exercise_stem(before),
            exercise_stem(after)
        );
        files.push(text(name, venn::changes_csv(&changes)));
    }
    for (index, set) in workshop.ranking_sets().iter().enumerate() {
        let named: Vec<(String, &crate::model::ranking::Ranking)> = set
            .iter()
            .filter_map(|e| match &e.data {
                ExerciseData::PairwiseRanking(r) => {
                    Some((report::ranking_group_name(workshop, e), r))
                }
                _ => None,
            })
            .collect();
        let comparison = crate::model::ranking::compare(&named);
        let number = index + 1;
        files.push(text(
            format!("comparisons/rankings-{number}-side-by-side.csv"),
            ranking::comparison_csv(&comparison),
        ));
        files.push(text(
            format!("comparisons/rankings-{number}-agreement.csv"),
            ranking::agreement_csv(&comparison),
        ));
    }
    files
}
