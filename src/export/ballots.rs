//! The participants' ballots as files: every ballot's decisions, the circular triads of the
//! group's matrix and of each ballot, and the aggregate (Bradley–Terry strengths with their
//! intervals) as a table and a chart. CSV as in `export::ranking`: one header row, formula-
//! looking text made inert.

use super::ranking::{
    decision_cells, finish, header_height, label_of, start_document, text_width, BAR, MARGIN,
    SMALL_SIZE, TEXT_SIZE,
};
use super::xml::{num, xml_text, Align, INK};
use super::{text_cell, write_csv};
use crate::export::FigureMeta;
use crate::model::ranking::{Aggregate, Ranking};

/// The label of a workshop group by id, from `(id, label)` pairs; empty for none.
fn group_label(groups: &[(String, String)], id: &str) -> String {
    groups
        .iter()
        .find(|(g, _)| g == id)
        .map(|(_, label)| label.clone())
        .unwrap_or_default()
}

/// One row per participant and pair, in the order each ballot recorded them: participant,
/// group, whether the ballot was handed over (only those count), item A, item B, result
/// (`win`, `tie`, `can't decide`), winner, reason, and when (UTC).
pub fn ballots_csv(ranking: &Ranking, groups: &[(String, String)]) -> String {
    write_csv(&ballots_table(ranking, groups))
}

/// The rows of [`ballots_csv`], header first, as typed (the report shows them as a table).
pub fn ballots_table(ranking: &Ranking, groups: &[(String, String)]) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "participant",
        "group",
        "handed over",
        "item A",
        "item B",
        "result",
        "winner",
        "reason",
        "decided at (UTC)",
    ]
    .map(String::from)
    .to_vec()];
    for ballot in &ranking.ballots {
        for decision in &ballot.decisions {
            let mut row = vec![
                text_cell(&ballot.label),
                text_cell(&group_label(groups, &ballot.group_id)),
                if ballot.handed_over { "yes" } else { "no" }.to_string(),
            ];
            row.extend(decision_cells(ranking, decision));
            rows.push(row);
        }
    }
    rows
}

/// Every circular triad, the group's first, then each ballot's: whose decisions ("group" or
/// the participant), the three items in cycle order (the first over the second, the second
/// over the third, the third over the first), and that set's Kendall ζ. A set of decisions
/// with no triad still has a row, with its ζ, so the file says it was checked.
///
/// Without `with_ballots` (the ballots' results not revealed yet, or a ballot being cast),
/// only the group's rows: a ballot's circles would say how its participant voted.
pub fn triads_csv(ranking: &Ranking, with_ballots: bool) -> String {
    write_csv(&triads_table(ranking, with_ballots))
}

/// The rows of [`triads_csv`], header first, as typed (the report shows them as a table).
pub fn triads_table(ranking: &Ranking, with_ballots: bool) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "decisions of",
        "first",
        "over second",
        "over third (who is over the first)",
        "circular triads in the set",
        "zeta",
    ]
    .map(String::from)
    .to_vec()];
    let mut sets = vec![("group".to_string(), ranking.clone())];
    if with_ballots {
        sets.extend(
            ranking
                .ballots
                .iter()
                .map(|b| (b.label.clone(), b.as_ranking(&ranking.items))),
        );
    }
    for (whose, own) in sets {
        let check = own.consistency();
        let zeta = check.zeta.map(|z| format!("{z:.4}")).unwrap_or_default();
        let count = check.circular_count.to_string();
        if check.triads.is_empty() {
            rows.push(vec![
                text_cell(&whose),
                String::new(),
                String::new(),
                String::new(),
                count.clone(),
                zeta.clone(),
            ]);
        }
        for triad in &check.triads {
            let [a, b, c] = &triad.items;
            rows.push(vec![
                text_cell(&whose),
                text_cell(&label_of(ranking, a)),
                text_cell(&label_of(ranking, b)),
                text_cell(&label_of(ranking, c)),
                count.clone(),
                zeta.clone(),
            ]);
        }
    }
    rows
}

/// The bootstrap samples every export and screen draws for the intervals, and their seed:
/// fixed, so the same ballots always give the same figures.
pub const BOOTSTRAP_SAMPLES: usize = 1_000;
pub const BOOTSTRAP_SEED: u64 = 0x5EED_BA11;

/// The ballots taken together, as every export and the screen compute them.
pub fn aggregate_of(ranking: &Ranking) -> Option<Aggregate> {
    ranking.aggregate(BOOTSTRAP_SAMPLES, BOOTSTRAP_SEED)
}

fn decimal(value: f64, places: usize) -> String {
    if value.is_finite() {
        format!("{value:.places$}")
    } else {
        String::new()
    }
}

/// The aggregate, best first: rank, item, strength (of 100), the 95% interval's low and high,
/// the mean win share (0 to 1), then the group's own rank for comparison, and last the
/// method, in words, on every row (so a row copied elsewhere still says how it was made).
/// Only a header when no ballot is handed over yet.
pub fn aggregate_csv(ranking: &Ranking) -> String {
    write_csv(&aggregate_table(ranking))
}

/// The rows of [`aggregate_csv`], header first, as typed (the report shows them as a table).
pub fn aggregate_table(ranking: &Ranking) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "rank",
        "item",
        "strength (of 100)",
        "low (95%)",
        "high (95%)",
        "win share",
        "group's own rank",
        "ballots counted",
        "method",
    ]
    .map(String::from)
    .to_vec()];
    if let Some(aggregate) = aggregate_of(ranking) {
        for item in &aggregate.items {
            let group_rank = aggregate
                .disagreements
                .iter()
                .find(|d| d.item_id == item.item_id)
                .and_then(|d| d.group_rank)
                .map(|r| r.to_string())
                .unwrap_or_default();
            rows.push(vec![
                item.rank.to_string(),
                text_cell(&label_of(ranking, &item.item_id)),
                decimal(item.strength, 2),
                decimal(item.low, 2),
                decimal(item.high, 2),
                item.win_share.map(|s| decimal(s, 4)).unwrap_or_default(),
                group_rank,
                aggregate.ballots_counted.to_string(),
                aggregate.method_note.to_string(),
            ]);
        }
    }
    rows
}

/// The aggregate as a chart: a bar per item for its strength, best first, with its 95%
/// interval as a line and end ticks across the bar's end, and the method under it.
pub fn aggregate_chart_svg(ranking: &Ranking, meta: &FigureMeta) -> String {
    let aggregate = aggregate_of(ranking);
    let items = aggregate
        .as_ref()
        .map(|a| a.items.clone())
        .unwrap_or_default();
    let labels: Vec<String> = items
        .iter()
        .map(|i| xml_text(&label_of(ranking, &i.item_id)))
        .collect();
    let scale_max = items
        .iter()
        .map(|i| i.high.max(i.strength))
        .filter(|v| v.is_finite())
        .fold(1.0, f64::max);
    let row_height = 40.0;
    let bar_height = 22.0;
    let bar_span = 420.0;
    let rank_width = text_width("=00", TEXT_SIZE) + 12.0;
    let label_width = labels
        .iter()
        .map(|l| text_width(l, TEXT_SIZE))
        .fold(0.0, f64::max);
    let label_end = MARGIN + rank_width + label_width + 12.0;
    let bar_left = label_end + 12.0;
    let value_room = text_width("00.0 (00.0–00.0)", TEXT_SIZE) + 16.0;
    let notes = match &aggregate {
        Some(a) => vec![
            format!(
                "{} ballots. Bar: strength (all sum to 100); line: its 95% interval.",
                a.ballots_counted
            ),
            a.method_note.to_string(),
        ],
        None => vec!["No ballot is handed in yet.".to_string()],
    };
    let width = bar_left + bar_span + value_room + MARGIN;
    // The method note wraps at the figure's width.
    let chars = ((width - 2.0 * MARGIN) / (0.6 * SMALL_SIZE)).max(20.0);
    let lines: Vec<String> = notes
        .iter()
        .flat_map(|n| crate::model::text::wrap_label(n, chars))
        .collect();
    let top = header_height(meta);
    let height = top
        + row_height * items.len().max(1) as f64
        + 16.0
        + lines.len() as f64 * SMALL_SIZE * 1.5
        + MARGIN;
    let (mut w, top) = start_document(meta, width, height);
    w.open("g", &[]);
    for (position, (item, label)) in items.iter().zip(&labels).enumerate() {
        let row_top = top + row_height * position as f64;
        let middle = row_top + row_height / 2.0;
        let baseline = row_top + row_height * 0.62;
        let x_of = |value: f64| bar_left + bar_span * (value.max(0.0) / scale_max).min(1.0);
        let rank = if item.shared {
            format!("={}", item.rank)
        } else {
            item.rank.to_string()
        };
        w.text(
            MARGIN + rank_width - 12.0,
            baseline,
            &rank,
            TEXT_SIZE,
            Align::Right,
            true,
        );
        w.text(label_end, baseline, label, TEXT_SIZE, Align::Right, false);
        w.empty(
            "rect",
            &[
                ("x", num(bar_left)),
                ("y", num(middle - bar_height / 2.0)),
                ("width", num(x_of(item.strength) - bar_left)),
                ("height", num(bar_height)),
                ("fill", BAR.to_string()),
            ],
        );
        let (low, high) = (x_of(item.low), x_of(item.high));
        w.line((low, middle), (high, middle), INK, 3.0);
        w.line((low, middle - 9.0), (low, middle + 9.0), INK, 3.0);
        w.line((high, middle - 9.0), (high, middle + 9.0), INK, 3.0);
        let value = format!(
            "{} ({}–{})",
            decimal(item.strength, 1),
            decimal(item.low, 1),
            decimal(item.high, 1)
        );
        w.text(
            high.max(x_of(item.strength)) + 10.0,
            baseline,
            &value,
            TEXT_SIZE,
            Align::Left,
            false,
        );
    }
    let axis_bottom = top + row_height * items.len().max(1) as f64;
    w.line((bar_left, top), (bar_left, axis_bottom), INK, 1.0);
    w.close("g");
    let mut y = axis_bottom + 16.0;
    for line in &lines {
        y += SMALL_SIZE * 1.5;
        w.text(MARGIN, y, line, SMALL_SIZE, Align::Left, false);
    }
    finish(w)
}
