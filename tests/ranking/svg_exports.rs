//! The SVG exports.

use super::csv_exports::{workshop_example, ARABIC, HOSTILE};
use super::*;

// ----- SVG exports ---------------------------------------------------------------------------

/// What every ranking figure must be ([`check_figure_svg`]), with text of at least 14 px.
pub(super) fn check_svg(svg: &str) -> Vec<XmlElement> {
    check_figure_svg(svg, 14.0).0
}

fn meta() -> FigureMeta {
    FigureMeta {
        title: "Priorities <for> the ward & \"us\"".into(),
        group: "Community organisations, 20 people".into(),
        date: "2026-11-25".into(),
    }
}

#[test]
fn the_matrix_figure_is_well_formed_and_escapes_hostile_labels() {
    let mut ranking = workshop_example();
    assert!(ranking.add_item("arabic".into(), ARABIC.into()));
    assert!(ranking.decide(
        "arabic",
        &id(0),
        Outcome::Wins("arabic".into()),
        String::new(),
        0.0
    ));
    let svg = matrix_svg(&ranking, &meta());
    assert!(!svg.contains("<script"), "the label must be escaped");
    assert!(svg.contains("&lt;script&gt;&amp;"));
    assert!(
        svg.contains(ARABIC),
        "the Arabic label is written as typed, not reversed"
    );
    let elements = check_svg(&svg);
    let shown = texts(&elements);
    assert!(shown.contains(&HOSTILE));
    assert!(shown.contains(&"Priorities <for> the ward & \"us\""));
    assert!(shown.contains(&"Community organisations, 20 people"));
    assert!(shown.contains(&"2026-11-25"));
    assert!(shown.contains(&"=4"), "shared ranks are marked");
    assert_eq!(
        elements[1].text,
        "Priorities <for> the ward & \"us\" — Community organisations, 20 people, 2026-11-25"
    );
    let arabic = elements
        .iter()
        .find(|e| e.name == "text" && e.text == ARABIC)
        .expect("the Arabic label");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    assert_eq!(arabic.attribute("unicode-bidi"), Some("embed"));
    let latin = elements
        .iter()
        .find(|e| e.name == "text" && e.text == "Roads")
        .expect("a Latin label");
    assert_eq!(latin.attribute("direction"), None);
    // Cells: item 6 (Arabic) beat item 1 in row 1's last column.
    assert!(shown.contains(&"6"));
    assert!(shown.contains(&"tie") && shown.contains(&"?"));
}

#[test]
fn the_bar_chart_is_sorted_by_rank_with_values_written() {
    let mut ranking = workshop_example();
    assert!(ranking.add_item("arabic".into(), ARABIC.into()));
    let svg = bar_chart_svg(&ranking, &meta());
    assert!(!svg.contains("<script"));
    let elements = check_svg(&svg);
    let shown = texts(&elements);
    let position = |text: &str| shown.iter().position(|t| *t == text).unwrap_or(usize::MAX);
    assert!(position("Water, clean") < position("Roads"));
    assert!(position("Roads") < position("Clinic"));
    assert!(position("Clinic") < position(HOSTILE));
    assert!(position(HOSTILE) < position(ARABIC), "no points: last");
    for value in ["4", "1.5", "1", "0"] {
        assert!(shown.contains(&value), "value {value} written");
    }
    // Bars: one per item, the longest for the best.
    let bars: Vec<f64> = elements
        .iter()
        .filter(|e| e.name == "rect" && e.attribute("fill") == Some("#1f4e79"))
        .filter_map(|e| e.attribute("width").and_then(|w| w.parse().ok()))
        .collect();
    assert_eq!(bars.len(), 6);
    assert!(bars.windows(2).all(|w| w[0] >= w[1]), "{bars:?}");
}

#[test]
fn figures_of_nothing_and_of_strange_labels_are_still_well_formed() {
    let empty = Ranking::default();
    for svg in [
        matrix_svg(&empty, &FigureMeta::default()),
        bar_chart_svg(&empty, &FigureMeta::default()),
    ] {
        let elements = check_svg(&svg);
        assert!(texts(&elements).contains(&"No items yet."));
        assert!(texts(&elements).contains(&"Pair-wise ranking"));
    }
    let strange = with_labels(&[
        "",
        "nul\u{0}bell\u{7}tab\tnew\nline",
        "\u{FFFE}\u{FFFF}",
        "]]>",
        "<!-- -->",
        "&amp;",
        "שלום 123",
        "水",
        "e\u{301}",
    ]);
    let awkward_meta = FigureMeta {
        title: "\u{1}".into(),
        group: "<g>".into(),
        date: String::new(),
    };
    for svg in [
        matrix_svg(&strange, &awkward_meta),
        bar_chart_svg(&strange, &awkward_meta),
    ] {
        let elements = check_svg(&svg);
        let shown = texts(&elements);
        assert!(shown.contains(&"nulbelltab new line"));
        assert!(shown.contains(&"&amp;"), "a literal '&amp;' stays literal");
        assert!(shown.contains(&"<!-- -->"));
        let hebrew = elements
            .iter()
            .find(|e| e.text == "שלום 123")
            .expect("Hebrew");
        assert_eq!(hebrew.attribute("direction"), Some("rtl"));
    }
    for csv_text in [
        matrix_csv(&strange),
        scores_csv(&strange),
        decisions_csv(&strange),
    ] {
        assert!(!parse_csv(&csv_text).is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn any_labels_give_well_formed_figures_and_parseable_csv(
        labels in prop::collection::vec(any::<String>(), 0..8),
        codes in prop::collection::vec(0u8..5, 28)
    ) {
        let mut ranking = Ranking::default();
        for (i, label) in labels.iter().enumerate() {
            ranking.add_item(id(i), label.clone());
        }
        let n = ranking.items.len();
        let mut codes = codes.iter();
        for i in 0..n {
            for j in i + 1..n {
                let outcome = match codes.next().copied().unwrap_or(4) {
                    0 => Outcome::Wins(id(i)),
                    1 => Outcome::Wins(id(j)),
                    2 => Outcome::Tie,
                    3 => Outcome::CantDecide,
                    _ => continue,
                };
                ranking.decide(&id(i), &id(j), outcome, labels.concat(), 0.0);
            }
        }
        let meta = FigureMeta { title: labels.concat(), group: labels.join("\n"), date: String::new() };
        check_svg(&matrix_svg(&ranking, &meta));
        check_svg(&bar_chart_svg(&ranking, &meta));
        let rows = parse_csv(&matrix_csv(&ranking));
        prop_assert_eq!(rows.len(), n + 1);
        let rows = parse_csv(&scores_csv(&ranking));
        prop_assert_eq!(rows.len(), n + 1);
        let rows = parse_csv(&decisions_csv(&ranking));
        prop_assert_eq!(rows.len(), ranking.decisions.len() + 1);
    }
}
