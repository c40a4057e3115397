//! The SVG figure, and its embedded data read back.

use super::analysis::two_cliques_and_a_broker;
use super::layout::sixty;
use super::{close, hostile_map, link, HOSTILE};
use crate::common::{check_projector_svg, parse_csv, parse_xml, texts};
use pla_workshop::export::orgmap::{
    analysis_csv, edges_csv, graphml, group_matrix_csv, map_from_svg, map_svg, nodes_csv,
    METADATA_ID,
};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::orgmap::{
    actor_label_lines, Actor, Contribution, Link, OrgMap, Resource, MAP_HEIGHT, MAP_WIDTH,
};
use proptest::prelude::*;
use std::collections::HashSet;

// ----- SVG -----------------------------------------------------------------------------------

fn meta() -> FigureMeta {
    FigureMeta {
        title: "Who shapes support? <2026> & \"us\"".into(),
        group: "Community organisations".into(),
        date: "2026-03-14".into(),
    }
}

#[test]
fn the_figure_is_well_formed_readable_and_has_its_legend() {
    let mut map = sixty();
    map.question = "Who shapes mental-health support for our communities?".into();
    map.auto_layout();
    let svg = map_svg(&map, &meta());
    let elements = check_projector_svg(&svg);
    assert_eq!(
        elements[1].text,
        "Who shapes support? <2026> & \"us\" — Community organisations, 2026-03-14"
    );
    let shown = texts(&elements);
    assert!(shown.contains(&"Who shapes support? <2026> & \"us\""));
    assert!(shown.contains(&"Community organisations"));
    assert!(shown.contains(&"2026-03-14"));
    assert!(shown
        .iter()
        .any(|t| t.contains("Who shapes mental-health support")));
    // Every group and kind in the legend, each with its colour and its second cue.
    for group in &map.groups {
        assert!(shown.contains(&group.label.as_str()), "{}", group.label);
        assert!(elements
            .iter()
            .any(|e| e.name == "path" && e.attribute("fill") == Some(group.colour.as_str())));
    }
    for kind in &map.link_kinds {
        assert!(shown.contains(&kind.label.as_str()), "{}", kind.label);
        // In the shade a line is drawn in: dark enough to stand out on white.
        let drawn = pla_workshop::model::orgmap::legible_on_paper(&kind.colour);
        if !kind.dash.is_empty() {
            assert!(elements.iter().any(|e| e.attribute("stroke-dasharray")
                == Some(kind.dash.as_str())
                && e.attribute("stroke") == Some(drawn.as_str())));
        }
    }
    // Names are at the projector size, every word kept.
    for actor in &map.actors {
        for line in actor_label_lines(&actor.name) {
            assert!(shown.contains(&line.as_str()), "{line}");
        }
    }
    let names = elements
        .iter()
        .filter(|e| e.name == "text" && e.attribute("font-weight") == Some("bold"))
        .filter(|e| e.number("font-size") == Some(26.0))
        .count();
    assert!(names >= 60);
    // Right-to-left names read right to left.
    let arabic = elements
        .iter()
        .find(|e| e.name == "text" && e.text.starts_with("مسجد"))
        .expect("the Arabic name");
    assert_eq!(arabic.attribute("direction"), Some("rtl"));
    // Influence: one disc per point, plus three in the legend.
    let discs = elements.iter().filter(|e| e.name == "ellipse").count();
    let points: usize = map.actors.iter().map(|a| a.influence as usize).sum();
    assert_eq!(discs, points + 3);
    // An arrowhead per link end, plus the legend's.
    let heads = elements
        .iter()
        .filter(|e| {
            e.name == "path"
                && e.attribute("d").is_some_and(|d| d.ends_with(" Z"))
                && e.attribute("stroke-linejoin") == Some("round")
        })
        .count();
    let ends: usize = map
        .links
        .iter()
        .map(|l| if l.both_ways { 2 } else { 1 })
        .sum();
    assert_eq!(heads, ends + map.link_kinds.len() + 3);
    std::fs::write(std::env::temp_dir().join("pla-orgmap-sixty.svg"), &svg).ok();
}

#[test]
fn several_links_between_two_actors_are_separate_curves() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Network");
    map.add_actor("b", "NHS trust");
    map.move_actor("a", 300.0, 400.0);
    map.move_actor("b", 1100.0, 400.0);
    assert!(map.add_link("1", "a", "b", "funding", false));
    assert!(map.add_link("2", "b", "a", "information", false));
    assert!(map.add_link("3", "a", "b", "staff", true));
    let elements = check_projector_svg(&map_svg(&map, &FigureMeta::default()));
    let curves: Vec<&str> = elements
        .iter()
        .filter(|e| e.name == "path" && e.attribute("fill") == Some("none"))
        .filter_map(|e| e.attribute("d"))
        .collect();
    assert_eq!(curves.len(), 3);
    // Their control points (the middle of each curve) are 52 units apart in turn.
    let control_y = |d: &str| -> f64 {
        let after_q = d.split('Q').nth(1).expect("a quadratic curve");
        let point = after_q.split_whitespace().next().expect("a control point");
        point
            .split(',')
            .nth(1)
            .and_then(|y| y.parse().ok())
            .expect("y")
    };
    let mut ys: Vec<f64> = curves.iter().map(|d| control_y(d)).collect();
    ys.sort_by(f64::total_cmp);
    assert!(
        close(ys[1] - ys[0], 52.0) && close(ys[2] - ys[1], 52.0),
        "{ys:?}"
    );
    // Each link's colour and dash, so kinds stay apart without colour.
    for kind in ["funding", "information", "staff"] {
        let k = map.link_kind(kind).expect("kind").clone();
        assert!(elements.iter().any(|e| e.attribute("d").is_some()
            && e.attribute("fill") == Some("none")
            && e.attribute("stroke") == Some(k.colour.as_str())
            && e.attribute("stroke-dasharray").unwrap_or("") == k.dash));
    }
}

#[test]
fn hostile_names_are_escaped_and_the_data_comes_back() {
    let map = hostile_map();
    let svg = map_svg(&map, &meta());
    let elements = check_projector_svg(&svg);
    let shown = texts(&elements).join("\n");
    assert!(shown.contains("<script>alert('x')</script>"));
    assert!(shown.contains("]]> -- <!-- not a comment -->"));
    assert!(
        shown.contains("&amp; &#60; &lt;"),
        "shown as typed, not decoded twice"
    );
    assert!(shown.contains("Food bank 🍞🥫 👩🏽‍⚕️"));
    assert!(shown.contains("tab here new line"), "one line for a name");
    let metadata = elements
        .iter()
        .find(|e| e.name == "metadata")
        .expect("metadata");
    assert_eq!(metadata.attribute("id"), Some(METADATA_ID));
    let embedded: OrgMap = serde_json::from_str(&metadata.text).expect("JSON");
    assert_eq!(embedded, map);
    assert_eq!(map_from_svg(&svg), Ok(map));
}

#[test]
fn the_data_survives_what_other_editors_do_to_the_file() {
    let map = two_cliques_and_a_broker();
    let json = serde_json::to_string(&map).expect("JSON");
    // CDATA, single quotes, a namespace prefix, comments, extra elements and a DOCTYPE.
    let resaved = format!(
        "<?xml version='1.0'?>\n<!DOCTYPE svg [ <!ENTITY x \"y\"> ]>\n<svg:svg xmlns:svg='http://www.w3.org/2000/svg'>\
         <!-- <metadata id='{METADATA_ID}'>not this</metadata> -->\
         <svg:metadata id='{METADATA_ID}' other=\"a > b\"><rdf:RDF><x>ignored</x></rdf:RDF><![CDATA[{json}]]></svg:metadata></svg:svg>"
    );
    assert_eq!(map_from_svg(&resaved), Ok(map.clone()));
    let escaped = json.replace('"', "&quot;").replace('{', "&#123;");
    let entities = format!("<svg><metadata id=\"{METADATA_ID}\">{escaped}</metadata></svg>");
    assert_eq!(map_from_svg(&entities), Ok(map));
}

#[test]
fn reading_anything_else_gives_plain_words_never_a_panic() {
    for text in [
        String::new(),
        "not xml".to_string(),
        "<svg></svg>".to_string(),
        "<svg><metadata id=\"pla-workshop-power-venn\">{}</metadata></svg>".to_string(),
        format!("<svg><metadata id=\"{METADATA_ID}\"/></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{not json</metadata></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{}}"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&bogus;</metadata></svg>"),
        format!("<svg><metadata id={METADATA_ID}>x</metadata></svg>"),
        "<svg><metadata id=\"".to_string(),
        "<svg><!-- never closed".to_string(),
    ] {
        let result = map_from_svg(&text);
        let problem = result.expect_err(&text);
        assert!(
            problem.ends_with('.') || problem.ends_with(").."),
            "{problem}"
        );
    }
    // A map that breaks the rules is refused, with where.
    let mut broken = two_cliques_and_a_broker();
    broken.links[0].to = "ghost".into();
    let svg = map_svg(&broken, &FigureMeta::default());
    let problem = map_from_svg(&svg).expect_err("a dangling link");
    assert!(problem.contains("ghost"), "{problem}");
}

#[test]
fn an_empty_or_damaged_map_still_draws() {
    let empty = OrgMap::default();
    let svg = map_svg(&empty, &FigureMeta::default());
    let elements = check_projector_svg(&svg);
    assert!(texts(&elements).contains(&"Organisational map"));
    assert_eq!(map_from_svg(&svg), Ok(empty));

    let mut damaged = two_cliques_and_a_broker();
    damaged.actors[0].x = f64::NAN;
    damaged.actors[1].y = 1e12;
    damaged.actors[2].x = -40.0;
    damaged.actors[3].influence = 250;
    damaged.actors[4].group_id = "unknown".into();
    damaged.links[0].kind_id = "unknown".into();
    damaged
        .links
        .push(link("self", "c1", "c1", "funding", false));
    damaged
        .links
        .push(link("dangling", "c1", "ghost", "funding", false));
    damaged.groups[0].colour = "red\" onload=\"x".into();
    damaged.link_kinds[1].dash = "url(#x)".into();
    let svg = map_svg(&damaged, &FigureMeta::default());
    parse_xml(&svg).expect("well-formed");
    assert!(!svg.contains("onload=\""));
    let graphml_text = graphml(&damaged);
    parse_xml(&graphml_text).expect("well-formed");
    let _ = nodes_csv(&damaged);
    let _ = edges_csv(&damaged);
    let _ = analysis_csv(&damaged);
}

/// Texts as hostile as a person can type.
fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(HOSTILE.to_vec()).prop_map(String::from),
        Just(String::new()),
        "[a-zA-Z <>&\"'\\]\\-]{0,30}",
        any::<String>(),
    ]
}

/// Numbers as the model keeps them: to a hundredth of a unit.
pub(super) fn hundredths(low: f64, high: f64) -> impl Strategy<Value = f64> {
    ((low * 100.0) as i64..=(high * 100.0) as i64).prop_map(|n| n as f64 / 100.0)
}

fn any_map() -> impl Strategy<Value = OrgMap> {
    let actor = (
        text_strategy(),
        text_strategy(),
        0u8..=5,
        prop::collection::vec((0usize..3, text_strategy()), 0..3),
        hundredths(0.0, MAP_WIDTH),
        hundredths(0.0, MAP_HEIGHT),
        0usize..8,
    );
    let link = (
        0usize..10,
        0usize..10,
        0usize..6,
        any::<bool>(),
        proptest::option::of(0u8..=5),
        text_strategy(),
    );
    (
        text_strategy(),
        text_strategy(),
        prop::collection::vec(actor, 0..10),
        prop::collection::vec(link, 0..14),
    )
        .prop_map(|(question, id_tail, actors, links)| {
            let mut map = OrgMap {
                question,
                ..OrgMap::default()
            };
            map.groups[2].label = id_tail.clone();
            let groups: Vec<String> = map.groups.iter().map(|g| g.id.clone()).collect();
            for (n, (name, notes, influence, contributions, x, y, group)) in
                actors.into_iter().enumerate()
            {
                map.actors.push(Actor {
                    // Unique, and as hostile as the names.
                    id: format!("{n}:{id_tail}"),
                    name,
                    group_id: groups.get(group).cloned().unwrap_or_default(),
                    influence,
                    contributions: contributions
                        .into_iter()
                        .map(|(r, text)| Contribution {
                            resource: Resource::ALL[r],
                            text,
                        })
                        .collect(),
                    notes,
                    x,
                    y,
                });
            }
            let count = map.actors.len();
            for (n, (from, to, kind, both_ways, strength, notes)) in links.into_iter().enumerate() {
                if count == 0 {
                    break;
                }
                let from = map.actors[from % count].id.clone();
                let to = map.actors[to % count].id.clone();
                map.links.push(Link {
                    id: format!("l{n}:{id_tail}"),
                    from,
                    to,
                    kind_id: map
                        .link_kinds
                        .get(kind)
                        .map(|k| k.id.clone())
                        .unwrap_or_else(|| "unknown".into()),
                    both_ways,
                    strength,
                    notes,
                });
            }
            map
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_map_exported_then_imported_is_equal_and_every_file_is_well_formed(
        map in any_map(),
        title in text_strategy(),
    ) {
        let svg = map_svg(&map, &FigureMeta { title, group: "G".into(), date: String::new() });
        check_projector_svg(&svg);
        prop_assert_eq!(map_from_svg(&svg), Ok(map.clone()));
        parse_xml(&graphml(&map)).map_err(TestCaseError::fail)?;
        for text in [nodes_csv(&map), edges_csv(&map), analysis_csv(&map), group_matrix_csv(&map)] {
            let rows = parse_csv(&text);
            for row in &rows[1..] {
                for cell in row {
                    prop_assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
                }
            }
        }
        prop_assert_eq!(parse_csv(&nodes_csv(&map)).len(), 1 + map.actors.len());
        prop_assert_eq!(parse_csv(&edges_csv(&map)).len(), 1 + map.links.len());
    }

    #[test]
    fn full_precision_positions_survive_the_figure_as_they_survive_json(
        map in any_map(),
        jitter in prop::collection::vec(-1.0_f64..1.0, 10),
    ) {
        let mut map = map;
        for (a, j) in map.actors.iter_mut().zip(&jitter) {
            a.x = (a.x + j / 3.0).clamp(0.0, MAP_WIDTH);
            a.y = (a.y - j / 7.0).clamp(0.0, MAP_HEIGHT);
        }
        let through_json: OrgMap =
            serde_json::from_str(&serde_json::to_string(&map).expect("JSON")).expect("JSON");
        prop_assert_eq!(map_from_svg(&map_svg(&map, &meta())), Ok(through_json));
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = map_from_svg(&text);
        let _ = map_from_svg(&format!("<svg><metadata id=\"{METADATA_ID}\">{text}</metadata></svg>"));
    }
}

#[test]
fn default_groups_and_kinds_pair_colour_with_a_second_cue() {
    let map = OrgMap::default();
    let shapes: HashSet<&str> = map.groups.iter().map(|g| g.shape.as_str()).collect();
    assert_eq!(shapes.len(), map.groups.len(), "each group its own shape");
    let dashes: HashSet<&str> = map.link_kinds.iter().map(|k| k.dash.as_str()).collect();
    assert_eq!(dashes.len(), map.link_kinds.len(), "each kind its own dash");
}
