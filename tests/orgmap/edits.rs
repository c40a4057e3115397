//! Edits that never break the map's rules, by hand and by random sequences of edits.

use super::layout::assert_no_overlaps;
use super::{assert_invariants, ids};
use crate::common::parse_xml;
use pla_workshop::export::orgmap::{graphml, map_from_svg, map_svg};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::orgmap::{
    actor_box, Contribution, OrgMap, Resource, DASHES, MAP_HEIGHT, NO_GROUP, PALETTE, SHAPES,
    VIEW_HEIGHT, VIEW_WIDTH,
};
use proptest::prelude::*;

// ----- Edits ---------------------------------------------------------------------------------

#[test]
fn adding_actors_refuses_blank_names_and_used_ids() {
    let mut map = OrgMap::default();
    assert!(map.add_actor("a", "  Mind  "));
    assert_eq!(map.actor("a").map(|a| a.name.as_str()), Some("Mind"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some(NO_GROUP));
    assert!(!map.add_actor("a", "Another"), "a used id");
    assert!(!map.add_actor("", "No id"));
    assert!(!map.add_actor("b", "   "));
    assert_eq!(map.actors.len(), 1);
}

#[test]
fn pasting_a_list_adds_one_actor_per_line() {
    let mut map = OrgMap::default();
    let mut n = 0;
    let added = map.add_actors_from_lines(
        "Mind\n\n  • NHS trust \r\n- Mosque women's group\n   \n* Council\n-5 degrees\nمسجد النور\n",
        || {
            n += 1;
            format!("id-{n}")
        },
    );
    assert_eq!(
        ids(&added),
        ["id-1", "id-2", "id-3", "id-4", "id-5", "id-6"]
    );
    let names: Vec<&str> = map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Mind",
            "NHS trust",
            "Mosque women's group",
            "Council",
            "-5 degrees",
            "مسجد النور"
        ]
    );
    // An id the map already has is skipped, never a panic or a duplicate.
    let added = map.add_actors_from_lines("One\nTwo", || "id-1".to_string());
    assert!(added.is_empty());
    assert_invariants(&map);
}

#[test]
fn new_actors_go_to_free_spots_in_the_view() {
    let mut map = OrgMap::default();
    for n in 0..20 {
        assert!(map.add_actor(format!("a{n}"), format!("Community organisation {n}")));
    }
    assert_no_overlaps(&map, &actor_box);
    for a in &map.actors {
        let (left, top, right, bottom) = actor_box(a).at(a.x, a.y);
        assert!(
            left >= 0.0 && top >= 0.0 && right <= VIEW_WIDTH && bottom <= VIEW_HEIGHT,
            "{a:?}"
        );
    }
    // Far more than fit: still on the canvas, never a panic.
    for n in 20..150 {
        assert!(map.add_actor(format!("a{n}"), "An actor with a rather long name indeed"));
    }
    assert_invariants(&map);
}

#[test]
fn plain_edits_change_one_field_and_refuse_unknown_ids() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.rename_actor("a", "St Mary "));
    assert_eq!(
        map.actor("a").map(|a| a.name.as_str()),
        Some("St Mary "),
        "kept as typed"
    );
    assert!(!map.rename_actor("zz", "x"));
    assert!(map.set_group("a", "faith"));
    assert!(!map.set_group("a", "no-such-group"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some("faith"));
    assert!(map.set_group("a", NO_GROUP));
    assert!(!map.set_group("zz", "faith"));
    assert!(map.set_influence("a", 4));
    assert_eq!(map.actor("a").map(|a| a.influence), Some(4));
    assert!(map.set_influence("a", 200));
    assert_eq!(map.actor("a").map(|a| a.influence), Some(5));
    assert!(!map.set_influence("zz", 1));
    assert!(map.set_notes("a", "Runs the Tuesday drop-in"));
    assert!(!map.set_notes("zz", ""));
    assert!(map.move_actor("a", 300.0, 200.0));
    assert_eq!(map.actor("a").map(|a| (a.x, a.y)), Some((300.0, 200.0)));
    assert!(map.move_actor("a", -50.0, 1e9));
    assert_eq!(map.actor("a").map(|a| (a.x, a.y)), Some((0.0, MAP_HEIGHT)));
    assert!(!map.move_actor("a", f64::NAN, 0.0));
    assert!(!map.move_actor("a", 0.0, f64::INFINITY));
    assert!(!map.move_actor("zz", 1.0, 1.0));
    assert_invariants(&map);
}

#[test]
fn contributions_are_added_changed_and_removed_by_index() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.add_contribution("a", Resource::Symbolic, "credibility"));
    assert!(map.add_contribution("a", Resource::Material, "a room"));
    assert!(!map.add_contribution("zz", Resource::Material, "x"));
    assert!(map.set_contribution("a", 1, Resource::Relational, "introductions"));
    assert!(!map.set_contribution("a", 7, Resource::Relational, "x"));
    assert_eq!(
        map.remove_contribution("a", 0),
        Some(Contribution {
            resource: Resource::Symbolic,
            text: "credibility".into()
        })
    );
    assert_eq!(map.remove_contribution("a", 5), None);
    assert_eq!(map.remove_contribution("zz", 0), None);
    let left = &map
        .actor("a")
        .map(|a| a.contributions.clone())
        .unwrap_or_default();
    assert_eq!(
        left,
        &[Contribution {
            resource: Resource::Relational,
            text: "introductions".into()
        }]
    );
}

#[test]
fn the_editor_keeps_one_contribution_per_resource_box() {
    let mut map = OrgMap::default();
    map.add_actor("a", "Mind");
    assert!(map.add_contribution("a", Resource::Material, "a room"));
    // Typing into the symbolic box adds one; typing on changes it; other resources stay.
    assert!(map.write_contribution("a", Resource::Symbolic, "D"));
    assert!(map.write_contribution("a", Resource::Symbolic, "Dignity"));
    let contributions = |map: &OrgMap| {
        map.actor("a")
            .map(|a| a.contributions.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        contributions(&map),
        vec![
            Contribution {
                resource: Resource::Material,
                text: "a room".into()
            },
            Contribution {
                resource: Resource::Symbolic,
                text: "Dignity".into()
            },
        ]
    );
    // A blank box removes that resource's contribution only.
    assert!(map.write_contribution("a", Resource::Material, "  "));
    assert_eq!(
        contributions(&map),
        vec![Contribution {
            resource: Resource::Symbolic,
            text: "Dignity".into()
        }]
    );
    assert!(map.write_contribution("a", Resource::Relational, ""));
    assert_eq!(contributions(&map).len(), 1);
    assert!(!map.write_contribution("zz", Resource::Symbolic, "x"));
}

fn three_actors() -> OrgMap {
    let mut map = OrgMap::default();
    for (id, name) in [("a", "Network"), ("b", "Church"), ("c", "NHS trust")] {
        map.add_actor(id, name);
    }
    map
}

#[test]
fn links_are_refused_when_they_would_break_a_rule() {
    let mut map = three_actors();
    assert!(map.add_link("1", "a", "b", "funding", false));
    assert!(!map.add_link("1", "a", "c", "funding", false), "a used id");
    assert!(!map.add_link("", "a", "c", "funding", false), "no id");
    assert!(
        !map.add_link("2", "a", "ghost", "funding", false),
        "unknown actor"
    );
    assert!(
        !map.add_link("2", "ghost", "a", "funding", false),
        "unknown actor"
    );
    assert!(!map.add_link("2", "a", "a", "funding", false), "to itself");
    assert!(
        !map.add_link("2", "a", "c", "gossip", false),
        "unknown kind"
    );
    assert!(
        !map.add_link("2", "a", "b", "funding", false),
        "the same link again"
    );
    assert!(
        !map.add_link("2", "b", "a", "funding", true),
        "both ways repeats a → b"
    );
    assert!(
        map.add_link("2", "b", "a", "funding", false),
        "the flow back is another link"
    );
    assert!(
        map.add_link("3", "a", "b", "information", true),
        "another kind"
    );
    assert!(
        !map.add_link("4", "b", "a", "information", false),
        "covered by the both-ways link"
    );
    assert!(map.add_link("4", "a", "b", "trust", false));
    assert_eq!(map.links_between("b", "a").len(), 4);
    assert_invariants(&map);
}

#[test]
fn link_edits_keep_the_rules() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "b", "a", "funding", false);
    map.add_link("3", "a", "c", "information", false);
    assert!(!map.set_link_kind("3", "gossip"));
    assert!(!map.set_link_kind("zz", "funding"));
    assert!(map.set_link_kind("3", "referral"));
    assert_eq!(map.link("3").map(|l| l.kind_id.as_str()), Some("referral"));
    map.add_link("4", "a", "b", "staff", false);
    assert!(!map.set_link_kind("4", "funding"), "would repeat link 1");

    // Reversing link 1 would repeat link 2.
    assert!(!map.reverse_link("1"));
    assert!(map.reverse_link("3"));
    assert_eq!(
        map.link("3").map(|l| (l.from.as_str(), l.to.as_str())),
        Some(("c", "a"))
    );
    assert!(!map.reverse_link("zz"));

    // Both ways absorbs the one-way link of the same kind back, keeping its notes.
    map.set_link_notes("2", "small grants");
    assert!(map.set_link_both_ways("1", true));
    assert!(map.link("2").is_none());
    assert_eq!(
        map.link("1").map(|l| l.notes.as_str()),
        Some("small grants")
    );
    assert!(map.set_link_both_ways("1", false));
    assert!(!map.set_link_both_ways("zz", true));

    assert!(map.set_link_strength("1", Some(9)));
    assert_eq!(map.link("1").and_then(|l| l.strength), Some(5));
    assert!(map.set_link_strength("1", None));
    assert_eq!(map.link("1").and_then(|l| l.strength), None);
    assert!(!map.set_link_strength("zz", Some(1)));
    assert!(map.remove_link("1").is_some());
    assert!(map.remove_link("1").is_none());
    assert_invariants(&map);
}

#[test]
fn removing_an_actor_takes_its_links() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "c", "a", "staff", true);
    map.add_link("3", "b", "c", "trust", false);
    assert!(map.remove_actor("a").is_some());
    assert_eq!(map.links.len(), 1);
    assert!(map.remove_actor("a").is_none());
    assert_invariants(&map);
}

#[test]
fn groups_are_edited_and_removing_one_rehomes_its_actors() {
    let mut map = three_actors();
    map.set_group("a", "faith");
    map.set_group("b", "faith");
    map.set_group("c", "other");
    assert!(map.add_group("mutual-aid", "Mutual aid group"));
    assert!(!map.add_group("mutual-aid", "Again"));
    assert!(!map.add_group("", "No id"));
    let added = map.group("mutual-aid").cloned().expect("added");
    // The six default groups use six colours and all six shapes: the new one takes a colour
    // no group has, and a shape.
    assert!(PALETTE.contains(&added.colour.as_str()));
    assert!(map.groups[..6].iter().all(|g| g.colour != added.colour));
    assert!(SHAPES.contains(&added.shape.as_str()));
    assert!(map.rename_group("mutual-aid", "Mutual aid"));
    assert!(!map.rename_group("zz", "x"));
    assert!(map.set_group_style("mutual-aid", "#D55E00", "diamond"));
    assert!(!map.set_group_style("mutual-aid", "red", "diamond"));
    assert!(!map.set_group_style("mutual-aid", "#D55E00", "star"));
    assert!(!map.set_group_style("zz", "#D55E00", "circle"));

    assert!(map.remove_group("faith"));
    assert!(!map.remove_group("faith"));
    assert_eq!(map.actor("a").map(|a| a.group_id.as_str()), Some("other"));
    assert!(map.remove_group("other"));
    for id in ["a", "b", "c"] {
        assert_eq!(map.actor(id).map(|a| a.group_id.as_str()), Some(NO_GROUP));
    }
    assert_invariants(&map);
}

#[test]
fn link_kinds_are_edited_and_removing_one_removes_its_links() {
    let mut map = three_actors();
    map.add_link("1", "a", "b", "funding", false);
    map.add_link("2", "b", "c", "funding", true);
    map.add_link("3", "a", "c", "trust", false);
    assert!(map.add_link_kind("advocacy", "Advocacy"));
    assert!(!map.add_link_kind("advocacy", "Again"));
    let added = map.link_kind("advocacy").cloned().expect("added");
    assert!(map.link_kinds[..5].iter().all(|k| k.dash != added.dash));
    assert!(DASHES.contains(&added.dash.as_str()));
    assert!(map.rename_link_kind("advocacy", "Advocacy and voice"));
    assert!(map.set_link_kind_style("advocacy", "#000000", "4 4"));
    assert!(!map.set_link_kind_style("advocacy", "#000000", "4 url(#x)"));
    assert!(!map.set_link_kind_style("advocacy", "#00000", "4 4"));
    assert!(map.add_link("4", "c", "a", "advocacy", false));
    assert!(map.remove_link_kind("funding"));
    assert!(!map.remove_link_kind("funding"));
    assert_eq!(
        map.links.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        ["3", "4"]
    );
    assert!(!map.add_link("5", "a", "b", "funding", false));
    assert_invariants(&map);
}

/// One edit of any kind, on ids from small pools so that edits meet each other often.
#[derive(Debug, Clone)]
enum Edit {
    AddActor(u8, String),
    Paste(String),
    Rename(u8, String),
    SetGroup(u8, u8),
    SetInfluence(u8, u8),
    AddContribution(u8, u8),
    RemoveContribution(u8, u8),
    Move(u8, f64, f64),
    RemoveActor(u8),
    AddLink(u8, u8, u8, u8, bool),
    RemoveLink(u8),
    SetLinkKind(u8, u8),
    SetBothWays(u8, bool),
    Reverse(u8),
    SetStrength(u8, Option<u8>),
    AddGroup(u8),
    RemoveGroup(u8),
    AddKind(u8),
    RemoveKind(u8),
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let name = prop_oneof![
        Just("Mind".to_string()),
        Just("  ".to_string()),
        Just("مسجد".to_string()),
        "[a-z ]{0,12}",
    ];
    prop_oneof![
        (0u8..12, name.clone()).prop_map(|(a, n)| Edit::AddActor(a, n)),
        "[a-z\n ]{0,30}".prop_map(Edit::Paste),
        (0u8..12, name).prop_map(|(a, n)| Edit::Rename(a, n)),
        (0u8..12, 0u8..9).prop_map(|(a, g)| Edit::SetGroup(a, g)),
        (0u8..12, any::<u8>()).prop_map(|(a, i)| Edit::SetInfluence(a, i)),
        (0u8..12, 0u8..3).prop_map(|(a, r)| Edit::AddContribution(a, r)),
        (0u8..12, 0u8..3).prop_map(|(a, i)| Edit::RemoveContribution(a, i)),
        (
            0u8..12,
            prop_oneof![Just(f64::NAN), -100.0..3000.0],
            -100.0..2000.0
        )
            .prop_map(|(a, x, y)| Edit::Move(a, x, y)),
        (0u8..12).prop_map(Edit::RemoveActor),
        (0u8..20, 0u8..12, 0u8..12, 0u8..8, any::<bool>())
            .prop_map(|(l, a, b, k, w)| Edit::AddLink(l, a, b, k, w)),
        (0u8..20).prop_map(Edit::RemoveLink),
        (0u8..20, 0u8..8).prop_map(|(l, k)| Edit::SetLinkKind(l, k)),
        (0u8..20, any::<bool>()).prop_map(|(l, w)| Edit::SetBothWays(l, w)),
        (0u8..20).prop_map(Edit::Reverse),
        (0u8..20, proptest::option::of(any::<u8>())).prop_map(|(l, s)| Edit::SetStrength(l, s)),
        (0u8..9).prop_map(Edit::AddGroup),
        (0u8..9).prop_map(Edit::RemoveGroup),
        (0u8..8).prop_map(Edit::AddKind),
        (0u8..8).prop_map(Edit::RemoveKind),
    ]
}

/// Group ids: the six defaults and three more.
const GROUP_POOL: [&str; 9] = [
    "network",
    "cbo",
    "faith",
    "statutory",
    "service-users",
    "other",
    "g6",
    "g7",
    "",
];
const KIND_POOL: [&str; 8] = [
    "funding",
    "information",
    "staff",
    "referral",
    "trust",
    "k5",
    "k6",
    "k7",
];

fn apply(map: &mut OrgMap, edit: &Edit, counter: &mut usize) {
    let a = |n: &u8| format!("a{n}");
    let l = |n: &u8| format!("l{n}");
    match edit {
        Edit::AddActor(n, name) => {
            map.add_actor(a(n), name.as_str());
        }
        Edit::Paste(text) => {
            map.add_actors_from_lines(text, || {
                *counter += 1;
                format!("a{}", *counter % 14)
            });
        }
        Edit::Rename(n, name) => {
            map.rename_actor(&a(n), name.as_str());
        }
        Edit::SetGroup(n, g) => {
            map.set_group(&a(n), GROUP_POOL[*g as usize % GROUP_POOL.len()]);
        }
        Edit::SetInfluence(n, i) => {
            map.set_influence(&a(n), *i);
        }
        Edit::AddContribution(n, r) => {
            map.add_contribution(&a(n), Resource::ALL[*r as usize % 3], "x");
        }
        Edit::RemoveContribution(n, i) => {
            map.remove_contribution(&a(n), *i as usize);
        }
        Edit::Move(n, x, y) => {
            map.move_actor(&a(n), *x, *y);
        }
        Edit::RemoveActor(n) => {
            map.remove_actor(&a(n));
        }
        Edit::AddLink(id, from, to, k, both) => {
            map.add_link(l(id), &a(from), &a(to), KIND_POOL[*k as usize % 8], *both);
        }
        Edit::RemoveLink(id) => {
            map.remove_link(&l(id));
        }
        Edit::SetLinkKind(id, k) => {
            map.set_link_kind(&l(id), KIND_POOL[*k as usize % 8]);
        }
        Edit::SetBothWays(id, both) => {
            map.set_link_both_ways(&l(id), *both);
        }
        Edit::Reverse(id) => {
            map.reverse_link(&l(id));
        }
        Edit::SetStrength(id, s) => {
            map.set_link_strength(&l(id), *s);
        }
        Edit::AddGroup(g) => {
            map.add_group(GROUP_POOL[*g as usize % 9], "A group");
        }
        Edit::RemoveGroup(g) => {
            map.remove_group(GROUP_POOL[*g as usize % 9]);
        }
        Edit::AddKind(k) => {
            map.add_link_kind(KIND_POOL[*k as usize % 8], "A kind");
        }
        Edit::RemoveKind(k) => {
            map.remove_link_kind(KIND_POOL[*k as usize % 8]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_sequence_of_edits_leaves_a_dangling_link_or_breaks_a_rule(
        edits in prop::collection::vec(any_edit(), 1..80),
    ) {
        let mut map = OrgMap::default();
        let mut counter = 0;
        for edit in &edits {
            apply(&mut map, edit, &mut counter);
            assert_invariants(&map);
        }
        // Whatever the edits made, the analysis and every export take it.
        let analysis = map.analysis();
        prop_assert_eq!(analysis.actors.len(), map.actors.len());
        let svg = map_svg(&map, &FigureMeta::default());
        prop_assert_eq!(map_from_svg(&svg), Ok(map.clone()));
        parse_xml(&graphml(&map)).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn a_new_link_kind_never_takes_the_yellow_that_vanishes_on_white() {
    let mut map = OrgMap::default();
    for n in 0..12 {
        assert!(map.add_link_kind(format!("kind-{n}"), format!("Kind {n}")));
    }
    assert!(map.link_kinds.iter().all(|k| k.colour != "#F0E442"));
    assert!(map
        .link_kinds
        .iter()
        .all(|k| pla_workshop::model::orgmap::LINK_PALETTE.contains(&k.colour.as_str())));
}
