//! Pair-wise ranking as files for reports: CSV tables (matrix, scores, decisions, group
//! comparison) and standalone SVG figures (the matrix, and a bar chart of the scores).
//!
//! The CSV files are UTF-8 after a byte-order mark (so Excel reads any script), one header row, `\n` line ends, quoted
//! by the `csv` crate where needed. A text a person typed (a label or a reason) that begins
//! with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, so a
//! spreadsheet shows it as text instead of running it as a formula.
//!
//! The SVG files are SVG 1.1 documents with no CSS classes, scripts or external references:
//! black on white, text at 14 px or more, the system font stack. They are written by the one
//! XML writer of every export (`export::xml`), which escapes every label; characters XML
//! cannot hold are dropped; a label whose first strong letter is
//! right-to-left (Arabic, Hebrew …) is written with `direction="rtl"` so it reads correctly,
//! never reversed by hand.
//!
//! In quick mode the order comes from the quick-mode answers ([`Ranking::quick_order`]), not
//! from scores, and the files say so.

use super::xml::{full_title, num, xml_text, Align, Writer, INK, PAPER};
use super::{text_cell, write_csv};
use crate::model::ranking::{
    Comparison, Decision, Outcome, Ranking, RankingMethod, Standing, TieBreak,
};
use crate::model::text::text_units;

use crate::export::FigureMeta;

// ----- Shared --------------------------------------------------------------------------------

/// One line of the results table, best first, whichever the method.
struct ResultRow {
    item_index: usize,
    rank: String,
    wins: u32,
    ties: u32,
    score: f64,
    /// What a bar shows: the score (matrix), or how many items it was placed above (quick).
    bar_value: f64,
    settled: String,
}

pub(super) fn label_of(ranking: &Ranking, id: &str) -> String {
    ranking
        .item(id)
        .map(|item| item.label.clone())
        .unwrap_or_else(|| id.to_string())
}

fn labels_of(ranking: &Ranking, ids: &[String]) -> String {
    ids.iter()
        .map(|id| label_of(ranking, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "3" or "3.5": scores are whole or half points.
fn format_score(score: f64) -> String {
    if score.is_finite() && score.fract() == 0.0 {
        format!("{score:.0}")
    } else {
        format!("{score}")
    }
}

/// How a place was settled, in words. A head-to-head place says whom it is ahead of and
/// behind among the level items, from their order in `standings`.
fn settled_text(ranking: &Ranking, standings: &[Standing], standing: &Standing) -> String {
    match &standing.settled_by {
        TieBreak::NotTied => "by score".to_string(),
        TieBreak::HeadToHead { level_with } => {
            let position_of = |id: &str| standings.iter().position(|s| s.item_id == id);
            let own = position_of(&standing.item_id);
            let (mut ahead_of, mut behind) = (Vec::new(), Vec::new());
            for other in level_with {
                if position_of(other) > own {
                    ahead_of.push(other.clone());
                } else {
                    behind.push(other.clone());
                }
            }
            let mut parts = Vec::new();
            if !ahead_of.is_empty() {
                parts.push(format!("ahead of {}", labels_of(ranking, &ahead_of)));
            }
            if !behind.is_empty() {
                parts.push(format!("behind {}", labels_of(ranking, &behind)));
            }
            format!("head-to-head: {}", parts.join("; "))
        }
        TieBreak::Shared { with } => format!(
            "shared with {}: no result separates them",
            labels_of(ranking, with)
        ),
        TieBreak::NotYetCompared { with } => format!(
            "level with {} for now: not every pair among them is decided yet",
            labels_of(ranking, with)
        ),
    }
}

fn result_rows(ranking: &Ranking) -> Vec<ResultRow> {
    let scores = ranking.scores();
    let index_of = |id: &str| ranking.items.iter().position(|item| item.id == id);
    if ranking.method == RankingMethod::Quick {
        if let Some(order) = ranking.quick_order() {
            let placed = order.len();
            return order
                .iter()
                .enumerate()
                .filter_map(|(position, id)| {
                    let index = index_of(id)?;
                    let score = scores.get(index)?;
                    Some(ResultRow {
                        item_index: index,
                        rank: (position + 1).to_string(),
                        wins: score.wins,
                        ties: score.ties,
                        score: score.score,
                        bar_value: (placed - position - 1) as f64,
                        settled: "quick mode order".to_string(),
                    })
                })
                .collect();
        }
    }
    let standings = ranking.standings();
    standings
        .iter()
        .filter_map(|standing| {
            let index = index_of(&standing.item_id)?;
            let score = scores.get(index)?;
            let settled = if ranking.method == RankingMethod::Quick {
                "quick mode unfinished: scores of the answers so far".to_string()
            } else {
                settled_text(ranking, &standings, standing)
            };
            Some(ResultRow {
                item_index: index,
                rank: standing.rank_label(),
                wins: score.wins,
                ties: score.ties,
                score: score.score,
                bar_value: score.score,
                settled,
            })
        })
        .collect()
}

// ----- CSV -----------------------------------------------------------------------------------

/// What a crossed-out cell of the matrix holds (the diagonal and the mirrored lower half).
pub const CROSSED_OUT: &str = "—";

/// The PLA matrix as a grid: a header row of item labels, then one row per item.
/// The cell in row i, column j above the diagonal (i before j in the list) holds the pair's
/// result: the winner's label, `tie`, `can't decide`, or nothing while undecided. The
/// diagonal and the mirrored lower half, crossed out on paper, hold `—`.
pub fn matrix_csv(ranking: &Ranking) -> String {
    write_csv(&matrix_table(ranking))
}

/// The rows of [`matrix_csv`], header first, as typed (the report shows them as a table).
pub fn matrix_table(ranking: &Ranking) -> Vec<Vec<String>> {
    let items = &ranking.items;
    let mut rows = Vec::with_capacity(items.len() + 1);
    let mut header = vec![String::new()];
    header.extend(items.iter().map(|item| text_cell(&item.label)));
    rows.push(header);
    for (i, row_item) in items.iter().enumerate() {
        let mut row = vec![text_cell(&row_item.label)];
        for (j, column_item) in items.iter().enumerate() {
            if j <= i {
                row.push(CROSSED_OUT.to_string());
                continue;
            }
            let cell = match ranking.decision_for(&row_item.id, &column_item.id) {
                None => String::new(),
                Some(decision) => match &decision.outcome {
                    Outcome::Wins(winner) => text_cell(&label_of(ranking, winner)),
                    Outcome::Tie => "tie".to_string(),
                    Outcome::CantDecide => "can't decide".to_string(),
                },
            };
            row.push(cell);
        }
        rows.push(row);
    }
    rows
}

/// The results table, best first: rank, item, wins, ties, score, and how the place was
/// settled (by score, head-to-head, or shared). The rank is a plain number (a spreadsheet
/// would read "=3" as a formula); "settled" says when a place is shared. In quick mode the
/// rank is the place in the quick-mode order.
pub fn scores_csv(ranking: &Ranking) -> String {
    write_csv(&scores_table(ranking))
}

/// The rows of [`scores_csv`], header first, as typed (the report shows them as a table).
pub fn scores_table(ranking: &Ranking) -> Vec<Vec<String>> {
    let mut rows = vec![["rank", "item", "wins", "ties", "score", "settled"]
        .map(String::from)
        .to_vec()];
    for row in result_rows(ranking) {
        let label = ranking
            .items
            .get(row.item_index)
            .map(|item| item.label.as_str())
            .unwrap_or_default();
        rows.push(vec![
            row.rank.trim_start_matches('=').to_string(),
            text_cell(label),
            row.wins.to_string(),
            row.ties.to_string(),
            format_score(row.score),
            row.settled,
        ]);
    }
    rows
}

/// Every decision in the order recorded: order (from 1), item A, item B, result (`win`,
/// `tie`, `can't decide`), winner, reason, and when (ISO 8601, UTC, to the second).
pub fn decisions_csv(ranking: &Ranking) -> String {
    write_csv(&decisions_table(ranking))
}

/// The rows of [`decisions_csv`], header first, as typed (the report shows them as a table).
pub fn decisions_table(ranking: &Ranking) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "order",
        "item A",
        "item B",
        "result",
        "winner",
        "reason",
        "decided at (UTC)",
    ]
    .map(String::from)
    .to_vec()];
    for (index, decision) in ranking.decisions.iter().enumerate() {
        let mut row = vec![(index + 1).to_string()];
        row.extend(decision_cells(ranking, decision));
        rows.push(row);
    }
    rows
}

/// One decision as the decisions files write it: item A, item B, result (`win`, `tie`,
/// `can't decide`), winner, reason, and when (ISO 8601, UTC, to the second).
pub(super) fn decision_cells(ranking: &Ranking, decision: &Decision) -> [String; 6] {
    let (result, winner) = match &decision.outcome {
        Outcome::Wins(winner) => ("win", text_cell(&label_of(ranking, winner))),
        Outcome::Tie => ("tie", String::new()),
        Outcome::CantDecide => ("can't decide", String::new()),
    };
    [
        text_cell(&label_of(ranking, &decision.a)),
        text_cell(&label_of(ranking, &decision.b)),
        result.to_string(),
        winner,
        text_cell(&decision.reason),
        iso_8601_utc(decision.decided_at).unwrap_or_default(),
    ]
}

/// The groups side by side, most disputed item first: item, the rank in each group (empty
/// where the group did not rank it), and the spread (highest rank minus lowest).
pub fn comparison_csv(comparison: &Comparison) -> String {
    write_csv(&comparison_table(comparison))
}

/// The rows of [`comparison_csv`], header first, as typed (the report shows them as a table).
pub fn comparison_table(comparison: &Comparison) -> Vec<Vec<String>> {
    let mut header = vec!["item".to_string()];
    header.extend(
        comparison
            .groups
            .iter()
            .map(|group| text_cell(&format!("rank: {group}"))),
    );
    header.push("spread".to_string());
    let mut rows = vec![header];
    for item in &comparison.items {
        let mut row = vec![text_cell(&item.label)];
        row.extend(
            item.ranks
                .iter()
                .map(|rank| rank.map(|r| r.to_string()).unwrap_or_default()),
        );
        row.push(item.spread.map(|s| s.to_string()).unwrap_or_default());
        rows.push(row);
    }
    rows
}

/// How far each pair of groups agrees: the two groups, how many items both ranked, and
/// Kendall's tau-b to three decimals (empty when undefined).
pub fn agreement_csv(comparison: &Comparison) -> String {
    write_csv(&agreement_table(comparison))
}

/// The rows of [`agreement_csv`], header first, as typed (the report shows them as a table).
pub fn agreement_table(comparison: &Comparison) -> Vec<Vec<String>> {
    let mut rows = vec![["group", "other group", "items in both", "Kendall tau-b"]
        .map(String::from)
        .to_vec()];
    for agreement in &comparison.agreements {
        let name = |index: usize| {
            comparison
                .groups
                .get(index)
                .map(|g| text_cell(g))
                .unwrap_or_default()
        };
        rows.push(vec![
            name(agreement.first),
            name(agreement.second),
            agreement.common_items.to_string(),
            agreement
                .tau_b
                .map(|tau| format!("{tau:.3}"))
                .unwrap_or_default(),
        ]);
    }
    rows
}

/// Milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ` (UTC, to the second), for
/// years 0 to 9999. None for anything else (NaN, infinite, out of range).
pub fn iso_8601_utc(millis: f64) -> Option<String> {
    if !millis.is_finite() {
        return None;
    }
    let seconds = (millis / 1000.0).floor();
    // Years 0 and 9999 bound the range: -62167219200 s and 253402300799 s.
    if !(-62_167_219_200.0..=253_402_300_799.0).contains(&seconds) {
        return None;
    }
    let seconds = seconds as i64;
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Some(format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    ))
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`): eras of 400 years, each exactly 146 097 days, starting 1 March.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

// ----- SVG -----------------------------------------------------------------------------------

/// Dark blue: 8.9:1 against white.
pub(super) const BAR: &str = "#1f4e79";
/// The crossed-out cells: light grey, with black text still 15:1.
const CROSSED: &str = "#d9d9d9";
pub(super) const MARGIN: f64 = 24.0;
pub(super) const TEXT_SIZE: f64 = 16.0;
pub(super) const SMALL_SIZE: f64 = 14.0;
const TITLE_SIZE: f64 = 24.0;

/// A rough width for layout, as the system fonts are not known here: the one measure
/// ([`text_units`]), at 0.6 em an average character.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    text_units(text) * 0.6 * size
}

/// A figure's writer: attributes in name order, as the ranking figures have always had them.
fn writer() -> Writer {
    Writer::sorted()
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The document frame: size, white page, `<title>`, and the visible title, group and date.
/// Returns the writer and the y where the content starts.
pub(super) fn start_document(meta: &FigureMeta, width: f64, height: f64) -> (Writer, f64) {
    let height = round(height);
    let mut heading = xml_text(meta.title.trim());
    if heading.is_empty() {
        heading = "Pair-wise ranking".to_string();
    }
    let subtitle: Vec<String> = [&meta.group, &meta.date]
        .iter()
        .map(|part| xml_text(part.trim()))
        .filter(|part| !part.is_empty())
        .collect();
    // Wide enough for the heading lines (bold type runs about a tenth wider).
    let widest_heading = subtitle
        .iter()
        .map(|line| text_width(line, TEXT_SIZE))
        .fold(1.1 * text_width(&heading, TITLE_SIZE), f64::max);
    let width = round((widest_heading + MARGIN * 2.0).max(width).max(320.0));
    let mut writer = writer();
    writer.open_svg(width, height);
    writer.text_element("title", &[], &full_title(&heading, &subtitle));
    writer.paper(width, height);
    let mut y = MARGIN + TITLE_SIZE;
    writer.text(MARGIN, y, &heading, TITLE_SIZE, Align::Left, true);
    for line in &subtitle {
        y += TEXT_SIZE * 1.6;
        writer.text(MARGIN, y, line, TEXT_SIZE, Align::Left, false);
    }
    (writer, y + TEXT_SIZE * 1.5)
}

/// The height the header of [`start_document`] takes.
pub(super) fn header_height(meta: &FigureMeta) -> f64 {
    let lines = [&meta.group, &meta.date]
        .iter()
        .filter(|part| !xml_text(part.trim()).is_empty())
        .count();
    MARGIN + TITLE_SIZE + lines as f64 * TEXT_SIZE * 1.6 + TEXT_SIZE * 1.5
}

pub(super) fn finish(mut writer: Writer) -> String {
    writer.close("svg");
    writer.out
}

/// The PLA matrix as a figure. Rows carry each item's number and label; columns carry the
/// numbers. A cell above the diagonal holds the number of the item that matters more,
/// "tie", "?" (the group could not decide) or nothing (not yet asked); the diagonal and the
/// mirrored half are grey. The last columns give the score and the rank ("=3" when shared).
pub fn matrix_svg(ranking: &Ranking, meta: &FigureMeta) -> String {
    let items = &ranking.items;
    let n = items.len();
    let cell = 48.0;
    let row_height = 40.0;
    let number_width = text_width(&n.to_string(), TEXT_SIZE) + 16.0;
    let label_width = items
        .iter()
        .map(|item| text_width(&xml_text(&item.label), TEXT_SIZE))
        .fold(text_width("Item", TEXT_SIZE), f64::max)
        + 16.0;
    let score_width = 72.0;
    let rank_width = 64.0;
    // In a finished quick mode the scores are only of the questions asked: the figure shows
    // how many items each was placed above instead.
    let quick = ranking.method == RankingMethod::Quick && ranking.quick_order().is_some();
    let value_heading = if quick { "Above" } else { "Score" };
    let mut legend = vec![
        "Each cell names, by number, the item of the pair that matters more.",
        "tie: they matter as much (half a point each). ?: the group could not decide.",
        "Grey cells are not compared: the diagonal and the mirrored half.",
    ];
    if quick {
        legend.push("Quick mode asks only some pairs. Above: how many items it was placed above.");
    }
    let grid_left = MARGIN + number_width + label_width;
    let grid_width = cell * n as f64;
    let width = (grid_left + grid_width + score_width + rank_width + MARGIN).max(
        MARGIN * 2.0
            + legend
                .iter()
                .map(|line| text_width(line, SMALL_SIZE))
                .fold(0.0, f64::max),
    );
    let top = header_height(meta);
    let height = top + row_height * (n as f64 + 1.0) + 24.0 + legend.len() as f64 * 22.0 + MARGIN;
    let (mut w, top) = start_document(meta, width, height);

    let results = result_rows(ranking);
    let result_of = |index: usize| results.iter().find(|row| row.item_index == index);

    // Column headings.
    let heading_y = top + row_height * 0.65;
    w.open("g", &[("font-weight", "bold".to_string())]);
    let heading = |w: &mut Writer, x: f64, words: &str, align: Align| {
        w.text(x, heading_y, words, TEXT_SIZE, align, false);
    };
    heading(&mut w, MARGIN + number_width, "Item", Align::Left);
    for j in 0..n {
        let x = grid_left + cell * (j as f64 + 0.5);
        heading(&mut w, x, &(j + 1).to_string(), Align::Centre);
    }
    let score_x = grid_left + grid_width + score_width - 12.0;
    let rank_x = score_x + rank_width;
    heading(&mut w, score_x, value_heading, Align::Right);
    heading(&mut w, rank_x, "Rank", Align::Right);
    w.close("g");

    // An empty group says nothing, so a matrix of no items has none.
    if n > 0 {
        w.open("g", &[]);
    }
    for (i, row_item) in items.iter().enumerate() {
        let row_top = top + row_height * (i as f64 + 1.0);
        let baseline = row_top + row_height * 0.65;
        let number = (i + 1).to_string();
        w.text(
            MARGIN + number_width - 8.0,
            baseline,
            &number,
            TEXT_SIZE,
            Align::Right,
            false,
        );
        let label_x = MARGIN + number_width;
        w.text(
            label_x,
            baseline,
            &row_item.label,
            TEXT_SIZE,
            Align::Left,
            false,
        );
        for (j, column_item) in items.iter().enumerate() {
            let x = grid_left + cell * j as f64;
            let crossed = j <= i;
            w.empty(
                "rect",
                &[
                    ("x", num(x)),
                    ("y", num(row_top)),
                    ("width", num(cell)),
                    ("height", num(row_height)),
                    ("fill", if crossed { CROSSED } else { PAPER }.to_string()),
                    ("stroke", INK.to_string()),
                    ("stroke-width", "1".to_string()),
                ],
            );
            if crossed {
                continue;
            }
            let content = match ranking.decision_for(&row_item.id, &column_item.id) {
                None => continue,
                Some(decision) => match &decision.outcome {
                    Outcome::Wins(winner) => {
                        match items.iter().position(|item| &item.id == winner) {
                            Some(k) => (k + 1).to_string(),
                            None => continue,
                        }
                    }
                    Outcome::Tie => "tie".to_string(),
                    Outcome::CantDecide => "?".to_string(),
                },
            };
            w.text(
                x + cell / 2.0,
                baseline,
                &content,
                TEXT_SIZE,
                Align::Centre,
                false,
            );
        }
        if let Some(result) = result_of(i) {
            let value = if quick {
                result.bar_value
            } else {
                result.score
            };
            let value = format_score(value);
            w.text(score_x, baseline, &value, TEXT_SIZE, Align::Right, false);
            w.text(
                rank_x,
                baseline,
                &result.rank,
                TEXT_SIZE,
                Align::Right,
                true,
            );
        }
    }
    if n > 0 {
        w.close("g");
    }

    let mut y = top + row_height * (n as f64 + 1.0) + 24.0;
    if n == 0 {
        w.text(MARGIN, y, "No items yet.", TEXT_SIZE, Align::Left, false);
        y += 22.0;
    }
    for line in &legend {
        w.text(MARGIN, y, line, SMALL_SIZE, Align::Left, false);
        y += 22.0;
    }
    finish(w)
}

/// The results as a bar chart, best first, each bar with its rank, label and value written
/// out. Matrix: the bar is the score, on a scale to the most possible (n − 1). Quick mode:
/// the bar is how many items the item was placed above.
pub fn bar_chart_svg(ranking: &Ranking, meta: &FigureMeta) -> String {
    let rows = result_rows(ranking);
    let n = ranking.items.len();
    let quick = ranking.method == RankingMethod::Quick && ranking.quick_order().is_some();
    let scale_max = n.saturating_sub(1).max(1) as f64;
    let caption = if quick {
        "Quick mode: each bar is how many items the group placed it above.".to_string()
    } else {
        format!(
            "Score: wins, plus half a point for each tie (most possible: {}).",
            n.saturating_sub(1)
        )
    };
    // An unfinished ranking says so on the figure too, wherever it is shown.
    let provisional = ranking.results_status().provisional_note();
    let note_height = if provisional.is_some() {
        SMALL_SIZE * 1.6
    } else {
        0.0
    };
    let row_height = 40.0;
    let bar_height = 26.0;
    let bar_span = 420.0;
    let rank_width = text_width("=00", TEXT_SIZE) + 12.0;
    let labels: Vec<String> = rows
        .iter()
        .map(|row| {
            ranking
                .items
                .get(row.item_index)
                .map(|item| xml_text(&item.label))
                .unwrap_or_default()
        })
        .collect();
    let label_width = labels
        .iter()
        .map(|label| text_width(label, TEXT_SIZE))
        .fold(0.0, f64::max);
    let label_end = MARGIN + rank_width + label_width + 12.0;
    let bar_left = label_end + 12.0;
    let value_room = text_width("00.5", TEXT_SIZE) + 16.0;
    let width = (bar_left + bar_span + value_room + MARGIN)
        .max(MARGIN * 2.0 + text_width(&caption, SMALL_SIZE))
        .max(MARGIN * 2.0 + text_width(provisional.as_deref().unwrap_or(""), SMALL_SIZE) * 1.1);
    let top = header_height(meta);
    let height = top + row_height * rows.len().max(1) as f64 + 16.0 + 22.0 + MARGIN + note_height;
    let (mut w, top) = start_document(meta, width, height);

    w.open("g", &[]);
    for (position, (row, label)) in rows.iter().zip(&labels).enumerate() {
        let row_top = top + row_height * position as f64;
        let baseline = row_top + row_height * 0.62;
        let value = if row.bar_value.is_finite() {
            row.bar_value.max(0.0)
        } else {
            0.0
        };
        let length = bar_span * (value / scale_max).min(1.0);
        let rank_x = MARGIN + rank_width - 12.0;
        w.text(rank_x, baseline, &row.rank, TEXT_SIZE, Align::Right, true);
        w.text(label_end, baseline, label, TEXT_SIZE, Align::Right, false);
        w.empty(
            "rect",
            &[
                ("x", num(bar_left)),
                ("y", num(row_top + (row_height - bar_height) / 2.0)),
                ("width", num(length)),
                ("height", num(bar_height)),
                ("fill", BAR.to_string()),
            ],
        );
        let value_x = bar_left + length + 8.0;
        let value = format_score(value);
        w.text(value_x, baseline, &value, TEXT_SIZE, Align::Left, false);
    }
    let axis_bottom = top + row_height * rows.len().max(1) as f64;
    w.line((bar_left, top), (bar_left, axis_bottom), INK, 1.0);
    w.close("g");
    if rows.is_empty() {
        let y = top + row_height * 0.62;
        w.text(MARGIN, y, "No items yet.", TEXT_SIZE, Align::Left, false);
    }
    let caption_y = axis_bottom + 16.0 + SMALL_SIZE;
    w.text(MARGIN, caption_y, &caption, SMALL_SIZE, Align::Left, false);
    if let Some(note) = provisional {
        let note_y = caption_y + note_height;
        w.text(MARGIN, note_y, &note, SMALL_SIZE, Align::Left, true);
    }
    finish(w)
}
