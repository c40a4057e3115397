//! The deterministic layout: no overlapping actors at 60 actors, groups kept together, and
//! the actor's box.

use super::{actor, assert_invariants};
use pla_workshop::export::orgmap::map_svg;
use pla_workshop::export::FigureMeta;
use pla_workshop::model::orgmap::{
    actor_box, actor_label_lines, Actor, ActorBox, OrgMap, EXTENT_MARGIN, LAYOUT_GAP, MAP_HEIGHT,
    MAP_WIDTH, NO_GROUP, VIEW_HEIGHT, VIEW_WIDTH,
};
use std::collections::HashMap;
use std::time::Instant;

// ----- Layout --------------------------------------------------------------------------------

/// Sixty actor names of the kind a mental-health coproduction workshop writes, in English,
/// Arabic and Bengali, short and long.
const NAMES: [&str; 60] = [
    "Coproduction network",
    "Pentecostal church",
    "Mosque women's group",
    "NHS mental health trust",
    "Council public health",
    "Service users' forum",
    "Mind",
    "Samaritans",
    "GP surgery",
    "Clinical commissioning group",
    "Somali community association",
    "Polish Saturday school",
    "Carers' centre",
    "Citizens Advice",
    "Food bank",
    "Housing association",
    "Job Centre Plus",
    "Police community support",
    "Local councillor",
    "Recovery college",
    "Peer support group",
    "Bangladeshi welfare association",
    "Gurdwara",
    "Hindu temple committee",
    "Catholic parish",
    "Black Country Women's Aid",
    "Refugee Action",
    "Youth club",
    "Age UK",
    "University research team",
    "Healthwatch",
    "Community mental health team",
    "Crisis café",
    "Befriending scheme",
    "Yoruba elders' circle",
    "Arts on prescription",
    "Football club foundation",
    "Libraries service",
    "Social prescribing link workers",
    "Imam",
    "Pastor",
    "Parish nurse",
    "Interpreting service",
    "Domestic abuse helpline",
    "Drug and alcohol service",
    "Schools' wellbeing team",
    "Voluntary sector council",
    "Local radio station",
    "Barbershop talk project",
    "Allotment society",
    "جمعية الجالية العربية",
    "مسجد النور",
    "বাংলাদেশি মহিলা সমিতি",
    "Ward councillors",
    "Integrated care board",
    "Early intervention in psychosis",
    "Talking therapies (IAPT)",
    "Hearing voices group",
    "Men's shed",
    "Community development workers",
];

/// A map of `names`, spread over the default groups, with `links` links of every kind.
fn sample_map(names: &[String], links: usize) -> OrgMap {
    let mut map = OrgMap::default();
    let groups: Vec<String> = map.groups.iter().map(|g| g.id.clone()).collect();
    let kinds: Vec<String> = map.link_kinds.iter().map(|k| k.id.clone()).collect();
    for (i, name) in names.iter().enumerate() {
        let id = format!("actor-{i}");
        map.add_actor(id.clone(), name.as_str());
        map.set_group(&id, &groups[(i * 5 / 3) % groups.len()]);
        map.set_influence(&id, (i % 6) as u8);
    }
    let n = names.len();
    let mut made = 0;
    let mut attempt = 0;
    // A fixed linear congruential sequence: the same links on every run.
    let mut state: u64 = 12345;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % bound.max(1)
    };
    while made < links && attempt < links * 20 {
        // Mostly between near neighbours in the list, so the graph has structure.
        let a = next(n);
        let b = if next(4) == 0 {
            next(n)
        } else {
            (a + 1 + next(6)) % n.max(1)
        };
        if map.add_link(
            format!("link-{attempt}"),
            &format!("actor-{a}"),
            &format!("actor-{b}"),
            &kinds[attempt % kinds.len()],
            attempt % 4 == 0,
        ) {
            made += 1;
        }
        attempt += 1;
    }
    map
}

pub(super) fn sixty() -> OrgMap {
    let names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    sample_map(&names, 90)
}

pub(super) fn assert_no_overlaps(map: &OrgMap, box_of: &dyn Fn(&Actor) -> ActorBox) {
    let rects: Vec<(f64, f64, f64, f64)> =
        map.actors.iter().map(|a| box_of(a).at(a.x, a.y)).collect();
    for i in 0..rects.len() {
        for j in (i + 1)..rects.len() {
            let (a, b) = (rects[i], rects[j]);
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(
                !overlap,
                "{:?} overlaps {:?}",
                map.actors[i].name, map.actors[j].name
            );
        }
    }
}

fn assert_within(map: &OrgMap, width: f64, height: f64, box_of: &dyn Fn(&Actor) -> ActorBox) {
    for a in &map.actors {
        let (left, top, right, bottom) = box_of(a).at(a.x, a.y);
        assert!(
            left >= 0.0 && top >= 0.0 && right <= width && bottom <= height,
            "{:?} at ({}, {}) is off the {width} x {height} canvas",
            a.name,
            a.x,
            a.y
        );
    }
}

fn positions(map: &OrgMap) -> Vec<(f64, f64)> {
    map.actors.iter().map(|a| (a.x, a.y)).collect()
}

#[test]
fn sixty_actors_with_real_names_never_overlap_and_stay_on_the_canvas() {
    let mut map = sixty();
    let start = Instant::now();
    map.auto_layout();
    println!("layout of 60 actors, 90 links: {:?}", start.elapsed());
    assert_no_overlaps(&map, &actor_box);
    assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &actor_box);
    assert_invariants(&map);
    // The gap is kept too: boxes grown by half of it on every side still do not overlap.
    let spaced = |a: &Actor| {
        let b = actor_box(a);
        ActorBox {
            width: b.width + LAYOUT_GAP - 0.02,
            above: b.above + LAYOUT_GAP / 2.0 - 0.01,
            below: b.below + LAYOUT_GAP / 2.0 - 0.01,
        }
    };
    assert_no_overlaps(&map, &spaced);
}

#[test]
fn sixty_actors_never_overlap_whatever_their_groups_and_links() {
    let names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
    let mut variants = Vec::new();
    // No links at all.
    variants.push(sample_map(&names, 0));
    // Everyone in one group, densely linked.
    let mut one_group = sample_map(&names, 200);
    for a in &mut one_group.actors {
        a.group_id = "cbo".into();
    }
    variants.push(one_group);
    // A star: everything linked to the first actor.
    let mut star = sample_map(&names, 0);
    for i in 1..60 {
        star.add_link(
            format!("s{i}"),
            "actor-0",
            &format!("actor-{i}"),
            "funding",
            false,
        );
    }
    variants.push(star);
    // No groups, and the longest names doubled.
    let mut long = sample_map(
        &names
            .iter()
            .map(|n| {
                if n.len() > 24 {
                    format!("{n} {n}")
                } else {
                    n.clone()
                }
            })
            .collect::<Vec<_>>(),
        60,
    );
    for a in &mut long.actors {
        a.group_id = NO_GROUP.into();
    }
    variants.push(long);
    for mut map in variants {
        map.auto_layout();
        assert_no_overlaps(&map, &actor_box);
        assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &actor_box);
    }
}

#[test]
fn the_layout_is_deterministic_and_ignores_where_actors_were() {
    let mut first = sixty();
    let mut second = sixty();
    for (n, a) in second.actors.iter_mut().enumerate() {
        a.x = (n * 37 % 1500) as f64;
        a.y = (n * 91 % 800) as f64;
    }
    first.auto_layout();
    second.auto_layout();
    assert_eq!(positions(&first), positions(&second));
    // Laying out again changes nothing.
    let before = positions(&first);
    first.auto_layout();
    assert_eq!(positions(&first), before);
    // Positions are kept to hundredths, so they survive JSON exactly.
    for (x, y) in before {
        assert_eq!((x * 100.0).round() / 100.0, x);
        assert_eq!((y * 100.0).round() / 100.0, y);
    }
}

#[test]
fn small_maps_stay_in_the_view() {
    let names: Vec<String> = NAMES[..15].iter().map(|n| n.to_string()).collect();
    let mut map = sample_map(&names, 20);
    map.auto_layout();
    assert_no_overlaps(&map, &actor_box);
    assert_within(&map, VIEW_WIDTH, VIEW_HEIGHT, &actor_box);
    // The whole map, and no more than it needs: every actor's box, in 16:9, within the
    // view the layout used and its margin.
    let (left, top, width, height) = map.extent();
    assert!((width / height - VIEW_WIDTH / VIEW_HEIGHT).abs() < 1e-9);
    // (The view and its margin, widened to 16:9 when the actors fill the view's height.)
    let widest = (VIEW_WIDTH + 2.0 * EXTENT_MARGIN)
        .max((VIEW_HEIGHT + 2.0 * EXTENT_MARGIN) * VIEW_WIDTH / VIEW_HEIGHT);
    assert!(width <= widest + 1e-6, "{width}");
    assert_within_rect(&map, (left, top, left + width, top + height));
    // Actors drawn close together, as on paper, fill the screen: the view closes in on them.
    let mut huddle = sample_map(&names[..6], 0);
    for (i, actor) in huddle.actors.iter_mut().enumerate() {
        (actor.x, actor.y) = (
            600.0 + (i % 3) as f64 * 160.0,
            300.0 + (i / 3) as f64 * 160.0,
        );
    }
    let (left, top, width, height) = huddle.extent();
    assert!(
        width < VIEW_WIDTH * 0.75,
        "a huddle is drawn larger: {width}"
    );
    assert_within_rect(&huddle, (left, top, left + width, top + height));
    assert_eq!(
        OrgMap::default().extent(),
        (0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT),
        "an empty map shows the view"
    );
    let mut one = sample_map(&names[..1], 0);
    one.auto_layout();
    assert_within(&one, VIEW_WIDTH, VIEW_HEIGHT, &actor_box);
    // One actor is not blown up to fill the screen.
    assert_eq!(
        one.extent().2,
        pla_workshop::model::orgmap::MIN_EXTENT_WIDTH
    );
}

/// Every actor's box lies inside `(left, top, right, bottom)`.
fn assert_within_rect(map: &OrgMap, (left, top, right, bottom): (f64, f64, f64, f64)) {
    for actor in &map.actors {
        let (l, t, r, b) = actor_box(actor).at(actor.x, actor.y);
        assert!(
            l >= left && t >= top && r <= right && b <= bottom,
            "{} at ({l}, {t}, {r}, {b}) is outside ({left}, {top}, {right}, {bottom})",
            actor.name
        );
    }
}

fn mean_distance(map: &OrgMap, pairs: impl Iterator<Item = (usize, usize)>) -> f64 {
    let (mut total, mut count) = (0.0, 0.0);
    for (i, j) in pairs {
        let (a, b) = (&map.actors[i], &map.actors[j]);
        total += (a.x - b.x).hypot(a.y - b.y);
        count += 1.0;
    }
    total / count
}

#[test]
fn groups_stay_together_and_linked_actors_close() {
    let names: Vec<String> = NAMES[..36].iter().map(|n| n.to_string()).collect();
    let mut map = sample_map(&names, 0);
    map.auto_layout();
    let n = map.actors.len();
    let all_pairs = || (0..n).flat_map(move |i| ((i + 1)..n).map(move |j| (i, j)));
    let same = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id == map.actors[j].group_id),
    );
    let different = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id != map.actors[j].group_id),
    );
    println!("mean distance within groups {same:.0}, across groups {different:.0}");
    assert!(
        same < 0.6 * different,
        "within {same:.0}, across {different:.0}"
    );

    // With links across groups too, both pulls still show.
    let mut mixed = sixty();
    mixed.auto_layout();
    let n = mixed.actors.len();
    let pairs = || (0..n).flat_map(move |i| ((i + 1)..n).map(move |j| (i, j)));
    let same = mean_distance(
        &mixed,
        pairs().filter(|&(i, j)| mixed.actors[i].group_id == mixed.actors[j].group_id),
    );
    let different = mean_distance(
        &mixed,
        pairs().filter(|&(i, j)| mixed.actors[i].group_id != mixed.actors[j].group_id),
    );
    let index: HashMap<&str, usize> = mixed
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let along_links = mean_distance(
        &mixed,
        mixed
            .links
            .iter()
            .map(|l| (index[l.from.as_str()], index[l.to.as_str()])),
    );
    let overall = mean_distance(&mixed, pairs());
    println!(
        "sixty actors: within groups {same:.0}, across {different:.0}; along links \
         {along_links:.0}, overall {overall:.0}"
    );
    assert!(same < 0.7 * different);
    assert!(along_links < 0.8 * overall);

    let mut linked = sample_map(&names, 40);
    for a in &mut linked.actors {
        a.group_id = NO_GROUP.into();
    }
    linked.auto_layout();
    let index: HashMap<&str, usize> = linked
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let link_pairs: Vec<(usize, usize)> = linked
        .links
        .iter()
        .map(|l| (index[l.from.as_str()], index[l.to.as_str()]))
        .collect();
    let along_links = mean_distance(&linked, link_pairs.iter().copied());
    let overall = mean_distance(&linked, all_pairs());
    println!("mean distance along links {along_links:.0}, overall {overall:.0}");
    assert!(along_links < 0.8 * overall);
}

#[test]
fn a_caller_s_own_boxes_and_canvas_are_respected() {
    let mut map = sixty();
    let box_of = |a: &Actor| ActorBox::centred(60.0 + a.name.chars().count() as f64 * 9.0, 50.0);
    map.auto_layout_within(1600.0, 900.0, box_of);
    assert_no_overlaps(&map, &box_of);
    assert_within(&map, 1600.0, 900.0, &box_of);
    // Nonsense sizes and canvases lay out without a panic, on the canvas.
    map.auto_layout_within(f64::NAN, -5.0, |_| ActorBox {
        width: f64::NAN,
        above: -3.0,
        below: f64::INFINITY,
    });
    assert!(map
        .actors
        .iter()
        .all(|a| a.x.is_finite() && a.y.is_finite()));
    map.auto_layout_within(10.0, 10.0, |_| ActorBox::centred(500.0, 500.0));
    assert!(map
        .actors
        .iter()
        .all(|a| a.x.is_finite() && a.y.is_finite()));
    let mut empty = OrgMap::default();
    empty.auto_layout();
    assert!(empty.actors.is_empty());
}

#[test]
fn three_hundred_actors_and_six_hundred_links_lay_out_and_analyse_quickly() {
    let names: Vec<String> = (0..300)
        .map(|i| format!("{} {}", NAMES[i % 60], i / 60 + 1))
        .collect();
    let mut map = sample_map(&names, 600);
    assert_eq!(map.actors.len(), 300);
    assert_eq!(map.links.len(), 600);
    // The best of three runs of each, as the machine may be busy with other work.
    let best_of_three = |run: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let layout = best_of_three(&mut || map.auto_layout());
    let analysis = map.analysis();
    let analysis_time = best_of_three(&mut || {
        map.analysis();
    });
    let mut svg = String::new();
    let svg_time = best_of_three(&mut || svg = map_svg(&map, &FigureMeta::default()));
    println!(
        "300 actors, 600 links: layout {layout:?}, analysis {analysis_time:?}, SVG {svg_time:?} \
         ({} bytes){}",
        svg.len(),
        if cfg!(debug_assertions) {
            " — an unoptimised build"
        } else {
            ""
        }
    );
    assert_eq!(analysis.actors.len(), 300);
    assert_within(&map, MAP_WIDTH, MAP_HEIGHT, &|_| {
        ActorBox::centred(0.0, 0.0)
    });
    // Generous bounds, so a slow test machine never fails this; the benchmark measures.
    let bound = if cfg!(debug_assertions) { 20.0 } else { 2.0 };
    assert!(layout.as_secs_f64() < bound, "{layout:?}");
}

#[test]
fn names_wrap_into_short_lines_and_the_box_covers_them() {
    assert_eq!(
        actor_label_lines("Social prescribing link workers"),
        ["Social", "prescribing", "link workers"]
    );
    assert_eq!(actor_label_lines("Mind"), ["Mind"]);
    assert!(actor_label_lines("").is_empty());
    let short = actor_box(&actor("Mind", ""));
    let long = actor_box(&Actor {
        name: "Social prescribing link workers".into(),
        ..actor("x", "")
    });
    assert!(long.below > short.below, "three lines hang lower");
    assert!(short.width >= 2.0 * 70.0, "the tower is inside the box");
}

/// The projector's test map, which the e2e suite shows too: 31 actors in six groups, with 40
/// links of four kinds.
fn thirty_one() -> OrgMap {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/thirty-one-actors.json"
    );
    let text = std::fs::read_to_string(path).expect("the fixture");
    let envelope = pla_workshop::storage::format::read(&text).expect("a workshop file");
    let exercise = envelope.workshops[0].exercises[0].data.clone();
    match exercise {
        pla_workshop::model::ExerciseData::OrganisationalMap(map) => map,
        _ => panic!("the fixture's exercise is a map"),
    }
}

#[test]
fn thirty_one_actors_in_six_groups_fill_one_16_9_screen_without_overlaps() {
    let mut map = thirty_one();
    assert_eq!(map.actors.len(), 31);
    let groups: std::collections::HashSet<&str> =
        map.actors.iter().map(|a| a.group_id.as_str()).collect();
    assert_eq!(groups.len(), 6);
    map.auto_layout();
    assert_no_overlaps(&map, &actor_box);
    // Compact and 16:9: the actors' own bounds are near the screen's shape...
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for actor in &map.actors {
        let (l, t, r, b) = actor_box(actor).at(actor.x, actor.y);
        (left, top, right, bottom) = (left.min(l), top.min(t), right.max(r), bottom.max(b));
    }
    let aspect = (right - left) / (bottom - top);
    assert!((1.5..=2.05).contains(&aspect), "aspect {aspect}");
    // ...and small enough that the whole map, shown on a 16:9 screen 650 px tall (the
    // projector at 1280x720, below its title bar), draws the names at 18 px or more.
    let (_, _, width, height) = map.extent();
    let name_px = pla_workshop::model::orgmap::ACTOR_LABEL_SIZE * 650.0 / height;
    let n = map.actors.len();
    let all_pairs = || (0..n).flat_map(move |i| ((i + 1)..n).map(move |j| (i, j)));
    let same = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id == map.actors[j].group_id),
    );
    let different = mean_distance(
        &map,
        all_pairs().filter(|&(i, j)| map.actors[i].group_id != map.actors[j].group_id),
    );
    println!("31 actors: names at {name_px:.1} px; within groups {same:.0}, across {different:.0}");
    assert!(same < 0.6 * different, "groups kept together");
    assert!(
        name_px >= 18.0,
        "names at {name_px:.1} px in {width} x {height}"
    );
    assert!((width / height - 16.0 / 9.0).abs() < 1e-9);
}

/// The example workshop's map, as it opens: no name runs into another name or shape.
#[test]
fn the_example_map_s_names_never_overlap() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/phase-zero-workshop.json"
    );
    let text = std::fs::read_to_string(path).expect("the example");
    let envelope = pla_workshop::storage::format::read(&text).expect("a workshop file");
    let map = envelope.workshops[0]
        .exercises
        .iter()
        .find_map(|e| match &e.data {
            pla_workshop::model::ExerciseData::OrganisationalMap(map) => Some(map.clone()),
            _ => None,
        })
        .expect("the example has a map");
    assert_no_overlaps(&map, &actor_box);
}
