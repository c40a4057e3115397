#![cfg(not(target_arch = "wasm32"))]
//! Power Venn diagrams: closeness bands, overlaps and nesting against hand-worked geometry,
//! table edits that give the geometry they promise, label layout, then-and-now comparison,
//! and the SVG (with its embedded data) and CSV exports.

mod common;
use common::*;

use pla_workshop::export::venn::{
    changes_csv, comparison_picture_svg, comparison_svg, diagram_from_svg, diagram_picture_svg,
    diagram_svg, table_csv, METADATA_ID,
};
use pla_workshop::export::FigureMeta;
use pla_workshop::model::text::wrap_label;
use pla_workshop::model::venn::{
    compare, label_key, match_by_label, match_institutions, tier_of, Change, Closeness,
    Institution, LabelBox, Relation, Side, SizeTier, VennDiagram, CANVAS_HEIGHT, CANVAS_WIDTH,
    LARGE_RADIUS, MAX_RADIUS, MEDIUM_RADIUS, MIN_RADIUS, NEAR_GAP, RESIZE_STEP, SMALL_RADIUS,
    TOUCH_TOLERANCE,
};
use proptest::prelude::*;

// ----- Helpers -------------------------------------------------------------------------------

/// The default community: centre (800, 450), radius 220.
fn diagram() -> VennDiagram {
    VennDiagram::default()
}

fn institution(id: &str, label: &str, x: f64, y: f64, radius: f64) -> Institution {
    Institution {
        id: id.to_string(),
        label: label.to_string(),
        group: String::new(),
        x,
        y,
        radius,
        relation: Relation::Neutral,
        notes: String::new(),
    }
}

fn with(institutions: Vec<Institution>) -> VennDiagram {
    let mut d = diagram();
    d.institutions = institutions;
    d
}

fn band_of(d: &VennDiagram, id: &str) -> (Closeness, f64) {
    d.closeness_of(id).expect("the institution exists")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

// ----- Closeness -----------------------------------------------------------------------------

#[test]
fn closeness_bands_match_hand_worked_geometry() {
    // The community is centred on (800, 450) with radius R = 220. gap = d − R − r.
    let d = with(vec![
        // d = 100 ≤ 220: inside. gap = 100 − 220 − 50 = −170.
        institution("a", "A", 900.0, 450.0, 50.0),
        // d = 220 exactly, on the rim: still inside. gap = 220 − 220 − 10 = −10.
        institution("rim", "Rim", 1020.0, 450.0, 10.0),
        // d = 300 > 220, gap = 300 − 220 − 100 = −20 (overlapping): touching.
        institution("b", "B", 1100.0, 450.0, 100.0),
        // d = 291 (straight up), gap = 291 − 220 − 70 = 1 ≤ TOUCH_TOLERANCE: touching.
        institution("c", "C", 800.0, 159.0, 70.0),
        // d = 220 + 50 + 2.5 = 272.5, gap = 2.5 > 2: near.
        institution("g", "G", 1072.5, 450.0, 50.0),
        // A 3-4-5 triangle: (240, 320) from the centre, d = 400; gap = 400 − 220 − 100 = 80
        // = NEAR_GAP: near (the band includes its end).
        institution("d", "D", 1040.0, 770.0, 100.0),
        // d = 220 + 50 + 80.5 = 350.5, gap = 80.5: far.
        institution("h", "H", 1150.5, 450.0, 50.0),
        // (300, 400) from the centre: d = 500, gap = 500 − 220 − 100 = 180: far.
        institution("e", "E", 1100.0, 850.0, 100.0),
    ]);
    let expected = [
        ("a", Closeness::Inside, -170.0),
        ("rim", Closeness::Inside, -10.0),
        ("b", Closeness::Touching, -20.0),
        ("c", Closeness::Touching, 1.0),
        ("g", Closeness::Near, 2.5),
        ("d", Closeness::Near, 80.0),
        ("h", Closeness::Far, 80.5),
        ("e", Closeness::Far, 180.0),
    ];
    for (id, band, gap) in expected {
        let (got_band, got_gap) = band_of(&d, id);
        assert_eq!(got_band, band, "{id}");
        assert!(close(got_gap, gap), "{id}: gap {got_gap}, expected {gap}");
    }
    assert_eq!(TOUCH_TOLERANCE, 2.0);
    assert_eq!(NEAR_GAP, 80.0);
}

#[test]
fn damaged_numbers_read_harmlessly() {
    let d = with(vec![
        institution("nan", "NaN", f64::NAN, 450.0, 50.0),
        // A negative radius counts as a point: d = 230, gap = 230 − 220 − 0 = 10: near.
        institution("negative", "Negative", 1030.0, 450.0, -30.0),
        institution("infinite", "Infinite", f64::INFINITY, 450.0, 50.0),
    ]);
    let (band, gap) = band_of(&d, "nan");
    assert_eq!(band, Closeness::Far);
    assert!(gap.is_nan());
    let (band, gap) = band_of(&d, "negative");
    assert_eq!(band, Closeness::Near);
    assert!(close(gap, 10.0));
    assert_eq!(band_of(&d, "infinite").0, Closeness::Far);
    // Nothing panics on the rest of the model either.
    assert!(d.overlaps().is_empty());
    assert!(d.nested().is_empty());
    assert_eq!(d.table().len(), 3);
    assert_eq!(d.label_layout(12.0, 24.0).len(), 3);
    assert!(!d.check().is_empty());
}

// ----- Overlaps and nesting ------------------------------------------------------------------

#[test]
fn overlaps_and_nesting_match_hand_worked_geometry() {
    let d = with(vec![
        // d = 80 < 50 + 40 = 90: they overlap.
        institution("p", "P", 100.0, 100.0, 50.0),
        institution("q", "Q", 180.0, 100.0, 40.0),
        // d = 70, radii 30 + 38 = 68: 2 apart, within the tolerance: touching counts.
        institution("s", "S", 400.0, 100.0, 30.0),
        institution("t", "T", 470.0, 100.0, 38.0),
        // d = 75, radii 30 + 40 = 70: 5 apart, clear.
        institution("u", "U", 700.0, 800.0, 30.0),
        institution("v", "V", 775.0, 800.0, 40.0),
        // Outer W (r 120). X: d = 50, 50 + 60 = 110 ≤ 120: inside W.
        // Y: 10 from X's centre, 10 + 20 = 30 ≤ 60: inside X; 60 + 20 = 80 ≤ 120: inside W.
        institution("w", "W", 1300.0, 180.0, 120.0),
        institution("x", "X", 1350.0, 180.0, 60.0),
        institution("y", "Y", 1360.0, 180.0, 20.0),
        // Z: 70 from W's centre, 70 + 60 = 130 > 120 + 2: it pokes out, so it overlaps W.
        // X and Z, equal radii 20 apart: they overlap (equal circles nest only when at most
        // 2 apart). Y is 10 from Z's centre: 10 + 20 = 30 ≤ 60, so Y is inside Z too.
        institution("z", "Z", 1370.0, 180.0, 60.0),
    ]);
    assert_eq!(
        d.overlaps(),
        pairs(&[("p", "q"), ("s", "t"), ("w", "z"), ("x", "z")])
    );
    assert_eq!(
        d.nested(),
        pairs(&[("x", "w"), ("y", "w"), ("y", "x"), ("y", "z")])
    );
}

#[test]
fn overlapping_pairs_never_include_nested_ones() {
    let d = with(vec![
        institution("w", "W", 1300.0, 180.0, 120.0),
        institution("x", "X", 1350.0, 180.0, 60.0),
        institution("y", "Y", 1360.0, 180.0, 20.0),
        institution("z", "Z", 1370.0, 180.0, 60.0),
    ]);
    // Hand-worked: W–X nested (50 + 60 ≤ 120); W–Y nested (60 + 20 ≤ 120); X–Y nested
    // (10 + 20 ≤ 60); W–Z overlaps (70 + 60 = 130 > 122); X–Z: equal radii 20 apart,
    // overlap; Y–Z nested (10 + 20 ≤ 60).
    assert_eq!(d.overlaps(), pairs(&[("w", "z"), ("x", "z")]));
    assert_eq!(
        d.nested(),
        pairs(&[("x", "w"), ("y", "w"), ("y", "x"), ("y", "z")])
    );
    let table = d.table();
    let row = |id: &str| table.iter().find(|r| r.id == id).expect("row");
    // Y lies in W, X and Z: the smallest enclosing circle is X (r 60, listed before Z).
    assert_eq!(row("y").inside_of.as_deref(), Some("X"));
    assert_eq!(row("x").inside_of.as_deref(), Some("W"));
    assert_eq!(row("w").inside_of, None);
    assert_eq!(row("w").contains, ["X", "Y"]);
    assert_eq!(row("w").overlaps_with, ["Z"]);
    assert_eq!(row("z").overlaps_with, ["W", "X"]);
    assert_eq!(row("z").contains, ["Y"]);
}

#[test]
fn equal_circles_in_one_place_nest_one_way_only() {
    let d = with(vec![
        institution("first", "First", 300.0, 300.0, 60.0),
        institution("second", "Second", 300.0, 300.0, 60.0),
    ]);
    assert_eq!(d.nested(), pairs(&[("second", "first")]));
    assert!(d.overlaps().is_empty());
    let table = d.table();
    assert_eq!(table[1].inside_of.as_deref(), Some("First"));
    assert_eq!(table[0].contains, ["Second"]);
}

#[test]
fn the_table_reports_every_column() {
    let mut d = with(vec![institution("a", "Clinic", 1100.0, 450.0, 100.0)]);
    d.institutions[0].relation = Relation::Ally;
    d.institutions[0].notes = "They listen".into();
    d.institutions[0].group = "Statutory service".into();
    let row = &d.table()[0];
    assert_eq!(row.id, "a");
    assert_eq!(row.label, "Clinic");
    assert_eq!(row.group, "Statutory service");
    // d = 300, gap = 300 − 220 − 100 = −20.
    assert_eq!(row.closeness, Closeness::Touching);
    assert!(close(row.distance, -20.0));
    assert_eq!(row.size_tier, SizeTier::Large);
    assert_eq!(row.radius, 100.0);
    assert_eq!(row.relation, Relation::Ally);
    assert_eq!(row.notes, "They listen");
    assert!(row.overlaps_with.is_empty() && row.inside_of.is_none() && row.contains.is_empty());
}

// ----- Sizes ---------------------------------------------------------------------------------

#[test]
fn sizes_have_tiers_and_resize_within_bounds() {
    assert_eq!(
        [SMALL_RADIUS, MEDIUM_RADIUS, LARGE_RADIUS],
        [50.0, 80.0, 120.0]
    );
    for tier in SizeTier::ALL {
        assert_eq!(tier_of(tier.radius()), tier);
    }
    assert_eq!(tier_of(70.0), SizeTier::Medium);
    assert_eq!(tier_of(110.0), SizeTier::Large);

    let mut big = institution("a", "A", 0.0, 0.0, 230.0);
    assert!(big.resize(5));
    assert_eq!(big.radius, MAX_RADIUS);
    assert!(!big.resize(1), "already the largest");
    let mut small = institution("b", "B", 0.0, 0.0, 25.0);
    assert!(small.resize(-3));
    assert_eq!(small.radius, MIN_RADIUS);
    let mut step = institution("c", "C", 0.0, 0.0, 80.0);
    step.resize(1);
    assert_eq!(step.radius, 80.0 + RESIZE_STEP);
    let mut damaged = institution("d", "D", 0.0, 0.0, f64::NAN);
    damaged.resize(0);
    assert_eq!(damaged.radius, MEDIUM_RADIUS);
    let mut extreme = institution("e", "E", 0.0, 0.0, 80.0);
    extreme.resize(i32::MIN);
    assert_eq!(extreme.radius, MIN_RADIUS);
}

#[test]
fn setting_a_size_tier_gives_its_radius_and_keeps_the_centre() {
    let mut d = with(vec![institution("a", "A", 1200.0, 300.0, 63.0)]);
    for tier in SizeTier::ALL {
        assert!(d.set_size_tier("a", tier));
        let a = d.institution("a").expect("a");
        assert_eq!(a.radius, tier.radius());
        assert_eq!((a.x, a.y), (1200.0, 300.0));
        assert_eq!(d.table()[0].size_tier, tier);
    }
    assert!(!d.set_size_tier("missing", SizeTier::Large));
    assert!(d.resize("a", -1));
    assert!(!d.resize("missing", 1));
}

#[test]
fn a_drag_resize_keeps_the_bounds_the_keys_keep() {
    // The drag once allowed a radius of 400 and the commit snapped it back to 240.
    let mut d = with(vec![institution("a", "A", 1200.0, 300.0, 63.0)]);
    let (_, _, shown) = VennDiagram::bounded_geometry(1200.0, 300.0, 400.0);
    assert_eq!(shown, MAX_RADIUS);
    assert!(d.set_radius("a", 400.0));
    assert_eq!(d.institution("a").map(|a| a.radius), Some(shown));
    // What the drag shows is what is committed, at both ends and in between.
    for radius in [1.0, MIN_RADIUS, 77.777, MAX_RADIUS, 1e9] {
        let (_, _, shown) = VennDiagram::bounded_geometry(0.0, 0.0, radius);
        assert!(d.set_radius("a", radius));
        assert_eq!(
            d.institution("a").map(|a| a.radius),
            Some(shown),
            "{radius}"
        );
    }
    assert!(!d.set_radius("a", f64::NAN));
    assert!(!d.set_radius("missing", 50.0));
    let radius = d.institution("a").map(|a| a.radius).unwrap_or_default();
    let (x, y, _) = VennDiagram::bounded_geometry(-50.0, 5000.0, radius);
    assert!(d.move_to("a", -50.0, 5000.0));
    let a = d.institution("a").expect("a");
    assert_eq!((a.x, a.y), (x, y));
    assert_eq!(
        (x, y),
        (radius, CANVAS_HEIGHT - radius),
        "the whole circle on the canvas"
    );
    // The + key grows it by one step to the same maximum.
    let mut keys = with(vec![institution("b", "B", 800.0, 400.0, MAX_RADIUS - 5.0)]);
    assert!(keys.resize("b", 1));
    assert_eq!(keys.institution("b").map(|b| b.radius), Some(MAX_RADIUS));
}

// ----- Table edits: closeness ----------------------------------------------------------------

fn angle_of(d: &VennDiagram, id: &str) -> f64 {
    let i = d.institution(id).expect("exists");
    (i.y - d.community_y).atan2(i.x - d.community_x)
}

#[test]
fn setting_a_band_moves_along_the_ray_in_several_directions() {
    for degrees in [0.0_f64, 30.0, 45.0, 90.0, 135.0, 200.0, 270.0, 315.0] {
        for start in Closeness::ALL {
            for band in Closeness::ALL {
                let radians = degrees.to_radians();
                let mut d = with(vec![institution(
                    "a",
                    "A",
                    800.0 + radians.cos() * 150.0,
                    450.0 + radians.sin() * 150.0,
                    SMALL_RADIUS,
                )]);
                assert!(d.set_closeness("a", start));
                let before = angle_of(&d, "a");
                assert!(
                    d.set_closeness("a", band),
                    "{degrees}° {start:?} → {band:?}"
                );
                assert_eq!(band_of(&d, "a").0, band, "{degrees}° {start:?} → {band:?}");
                // A small circle has room for every band in every direction on this canvas
                // (straight up leaves 450: far needs more than 220 + 50 + 80 = 350).
                let after = angle_of(&d, "a");
                let turn = (after - before).sin().abs();
                assert!(turn < 1e-3, "{degrees}° {start:?} → {band:?} turned {turn}");
            }
        }
    }
}

#[test]
fn setting_the_band_it_already_has_moves_nothing() {
    let mut d = with(vec![institution("a", "A", 1072.5, 450.0, 50.0)]);
    assert_eq!(band_of(&d, "a").0, Closeness::Near);
    let before = d.clone();
    assert!(d.set_closeness("a", Closeness::Near));
    assert_eq!(d, before);
}

#[test]
fn a_circle_on_the_community_centre_moves_straight_right() {
    let mut d = with(vec![institution("a", "A", 800.0, 450.0, 80.0)]);
    assert!(d.set_closeness("a", Closeness::Far));
    let a = d.institution("a").expect("a");
    assert_eq!(a.y, 450.0);
    assert!(a.x > 800.0 + 220.0 + 80.0 + NEAR_GAP);
    assert_eq!(band_of(&d, "a").0, Closeness::Far);
}

#[test]
fn without_room_along_its_ray_it_turns_to_the_nearest_direction_that_has_room() {
    // Straight up from (800, 450) there are 450 units; a radius-240 circle needs more than
    // 220 + 240 + 80 = 540 to be far, so it has to turn towards a side.
    let mut d = with(vec![institution("a", "A", 800.0, 300.0, MAX_RADIUS)]);
    assert!(d.set_closeness("a", Closeness::Far));
    assert_eq!(band_of(&d, "a").0, Closeness::Far);
    let a = d.institution("a").expect("a");
    assert!(a.y < 450.0, "it stays on the upper side");
}

#[test]
fn an_impossible_band_is_refused_and_changes_nothing() {
    let mut d = with(vec![institution("a", "A", 900.0, 450.0, 80.0)]);
    // A community circle bigger than the canvas leaves nowhere outside it.
    d.community_radius = 2000.0;
    let before = d.clone();
    for band in [Closeness::Touching, Closeness::Near, Closeness::Far] {
        assert!(!d.set_closeness("a", band));
        assert_eq!(d, before);
    }
    assert!(d.set_closeness("a", Closeness::Inside));
    assert!(!d.set_closeness("missing", Closeness::Inside));
    let mut damaged = with(vec![institution("nan", "NaN", f64::NAN, 1.0, 80.0)]);
    assert!(!damaged.set_closeness("nan", Closeness::Inside));
}

/// How far along the ray from the community centre through `(x, y)` the canvas goes.
fn reach_along(d: &VennDiagram, x: f64, y: f64) -> f64 {
    let (dx, dy) = (x - d.community_x, y - d.community_y);
    let length = dx.hypot(dy);
    let (ux, uy) = (dx / length, dy / length);
    let limit = |start: f64, step: f64, size: f64| {
        if step > 0.0 {
            (size - start) / step
        } else if step < 0.0 {
            -start / step
        } else {
            f64::INFINITY
        }
    };
    limit(d.community_x, ux, CANVAS_WIDTH).min(limit(d.community_y, uy, CANVAS_HEIGHT))
}

fn any_band() -> impl Strategy<Value = Closeness> {
    prop::sample::select(Closeness::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn setting_any_band_gives_that_band_and_keeps_the_direction_when_there_is_room(
        x in 0.0..=CANVAS_WIDTH,
        y in 0.0..=CANVAS_HEIGHT,
        radius in MIN_RADIUS..=MAX_RADIUS,
        band in any_band(),
    ) {
        let mut d = with(vec![institution("a", "A", x, y, radius)]);
        let was_in_band = band_of(&d, "a").0 == band;
        let far_from_centre = (x - 800.0).hypot(y - 450.0) > 1.0;
        // Whether the far end of the band (or its middle) lies within the canvas.
        let needed = match band {
            Closeness::Inside => 0.0,
            Closeness::Touching => 220.0 + 1.0,
            Closeness::Near => 220.0 + radius + TOUCH_TOLERANCE + 1.0,
            Closeness::Far => 220.0 + radius + NEAR_GAP + 1.0,
        };
        let room = far_from_centre && reach_along(&d, x, y) > needed;
        let before_angle = angle_of(&d, "a");
        // The default community leaves room for every band in some direction.
        prop_assert!(d.set_closeness("a", band));
        prop_assert_eq!(band_of(&d, "a").0, band);
        let a = d.institution("a").expect("a");
        prop_assert!((0.0..=CANVAS_WIDTH).contains(&a.x) && (0.0..=CANVAS_HEIGHT).contains(&a.y));
        if was_in_band {
            prop_assert_eq!((a.x, a.y), (x, y));
        } else if room {
            let turn = (angle_of(&d, "a") - before_angle).sin().abs();
            prop_assert!(turn < 1e-3, "turned by {}", turn);
        }
    }

    #[test]
    fn setting_a_band_around_any_community_gives_that_band_or_changes_nothing(
        x in 0.0..=CANVAS_WIDTH,
        y in 0.0..=CANVAS_HEIGHT,
        radius in MIN_RADIUS..=MAX_RADIUS,
        community in (0.0..=CANVAS_WIDTH, 0.0..=CANVAS_HEIGHT, 1.0..=700.0),
        band in any_band(),
    ) {
        let mut d = with(vec![institution("a", "A", x, y, radius)]);
        (d.community_x, d.community_y, d.community_radius) = community;
        let before = d.clone();
        if d.set_closeness("a", band) {
            prop_assert_eq!(band_of(&d, "a").0, band);
        } else {
            prop_assert_eq!(d, before);
        }
    }
}

// ----- Other edits ---------------------------------------------------------------------------

#[test]
fn moves_stay_on_the_canvas_and_refuse_nonsense() {
    let mut d = with(vec![institution("a", "A", 100.0, 100.0, 50.0)]);
    // The whole circle (radius 50) stays on the canvas, not only its centre.
    assert!(d.move_to("a", 5000.0, -20.0));
    let a = d.institution("a").expect("a");
    assert_eq!((a.x, a.y), (CANVAS_WIDTH - 50.0, 50.0));
    assert!(d.move_by("a", -100.0, 30.5));
    let a = d.institution("a").expect("a");
    assert_eq!((a.x, a.y), (CANVAS_WIDTH - 150.0, 80.5));
    assert!(!d.move_to("a", f64::NAN, 1.0));
    assert!(!d.move_to("missing", 1.0, 1.0));
    assert!(!d.move_by("missing", 1.0, 1.0));
    // Positions are kept to a hundredth of a unit.
    assert!(d.move_to("a", 123.456_789, 100.1 + 0.2));
    let a = d.institution("a").expect("a");
    assert_eq!((a.x, a.y), (123.46, 100.3));
}

#[test]
fn new_institutions_go_to_free_spots_outside_the_community() {
    let mut d = diagram();
    for n in 0..12 {
        assert!(d.add_institution(format!("id-{n}"), format!("Institution {n}")));
    }
    for i in &d.institutions {
        let (band, gap) = d.closeness(i);
        assert!(
            band == Closeness::Near || band == Closeness::Far,
            "{}: {band:?}",
            i.label
        );
        assert!(gap > TOUCH_TOLERANCE);
        assert_eq!(i.radius, MEDIUM_RADIUS);
        assert_eq!(i.relation, Relation::Neutral);
        // The whole circle is on the canvas.
        assert!(i.x >= i.radius && i.x <= CANVAS_WIDTH - i.radius);
        assert!(i.y >= i.radius && i.y <= CANVAS_HEIGHT - i.radius);
    }
    assert!(d.overlaps().is_empty(), "{:?}", d.overlaps());
    // The first one goes straight above the community, in the near band.
    assert_eq!(d.institutions[0].x, 800.0);
    assert_eq!(band_of(&d, "id-0").0, Closeness::Near);

    // Deterministic: the same diagram gives the same spots.
    let mut again = diagram();
    for n in 0..12 {
        again.add_institution(format!("id-{n}"), format!("Institution {n}"));
    }
    assert_eq!(again, d);

    assert!(!d.add_institution("id-0", "Again"), "an id is used once");
    assert!(!d.add_institution("", "No id"));
    // A full canvas still gives a spot, and never panics.
    for n in 12..60 {
        assert!(d.add_institution(format!("id-{n}"), "More"));
    }
    assert_eq!(d.institutions.len(), 60);
    assert!(d.check().is_empty());
}

#[test]
fn plain_edits_change_one_field_and_refuse_unknown_ids() {
    let mut d = with(vec![institution("a", "A", 100.0, 100.0, 50.0)]);
    assert!(d.set_relation("a", Relation::Threat));
    assert!(d.set_label("a", "Council"));
    assert!(d.set_notes("a", "Cut our funding"));
    assert!(d.set_group("a", "Local authority"));
    let a = d.institution("a").expect("a");
    assert_eq!(a.relation, Relation::Threat);
    assert_eq!(a.label, "Council");
    assert_eq!(a.notes, "Cut our funding");
    assert_eq!(a.group, "Local authority");
    assert!(
        d.groups.contains(&"Local authority".to_string()),
        "a new group joins the list"
    );
    for refused in [
        d.set_relation("x", Relation::Ally),
        d.set_label("x", "L"),
        d.set_notes("x", "N"),
        d.set_group("x", "G"),
    ] {
        assert!(!refused);
    }
    assert!(d.rename_group("Local authority", "Council services"));
    assert_eq!(d.institution("a").expect("a").group, "Council services");
    assert!(!d.add_group("  "));
    assert!(!d.add_group("Council services"));
    assert!(d.add_group("Housing"));
    assert!(d.remove_group("Council services"));
    assert_eq!(d.institution("a").expect("a").group, "");
    assert_eq!(
        d.remove_institution("a").map(|i| i.label),
        Some("Council".into())
    );
    assert!(d.remove_institution("a").is_none());
    assert!(d.institutions.is_empty());
}

#[test]
fn check_reports_broken_rules() {
    let mut d = with(vec![
        institution("a", "A", 100.0, 100.0, 50.0),
        institution("a", "Again", 200.0, 100.0, 50.0),
        institution("", "No id", 300.0, 100.0, 50.0),
        institution("r", "Negative", 300.0, 100.0, -1.0),
    ]);
    d.community_x = f64::NAN;
    let problems = d.check();
    assert_eq!(problems.len(), 4, "{problems:?}");
    assert!(problems[0].contains("used twice"));
    assert!(problems[1].contains("empty"));
    assert!(problems[2].contains("above zero"));
    assert!(problems[3].contains("community"));
    assert!(diagram().check().is_empty());
}

#[test]
fn the_file_format_is_unchanged() {
    let d = with(vec![institution("a", "A", 1.5, 2.0, 50.0)]);
    let json = serde_json::to_value(&d).expect("serialises");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "community_label",
            "community_radius",
            "community_x",
            "community_y",
            "groups",
            "institutions"
        ]
    );
    assert_eq!(
        json["institutions"][0],
        serde_json::json!({
            "id": "a", "label": "A", "group": "", "x": 1.5, "y": 2.0, "radius": 50.0,
            "relation": "neutral", "notes": ""
        })
    );
    // Older files without the defaulted fields still read.
    let old: VennDiagram = serde_json::from_str(
        r#"{"community_label":"Us","community_x":800,"community_y":450,"community_radius":220}"#,
    )
    .expect("reads");
    assert!(old.institutions.is_empty() && old.groups.is_empty());
}

// ----- Label layout --------------------------------------------------------------------------

const CHAR: f64 = 12.0;
const LINE: f64 = 24.0;

fn assert_no_overlaps(d: &VennDiagram, boxes: &[LabelBox]) {
    assert_eq!(boxes.len(), d.institutions.len());
    let community = d.community_label_box(CHAR, LINE);
    for (i, a) in boxes.iter().enumerate() {
        assert_eq!(a.id, d.institutions[i].id, "in the institutions' order");
        if a.lines.is_empty() {
            continue;
        }
        assert!(a.x.is_finite() && a.y.is_finite());
        assert!(
            !a.overlaps(&community),
            "{:?} covers the community label",
            a.lines
        );
        for b in boxes.iter().skip(i + 1) {
            assert!(!a.overlaps(b), "{:?} and {:?} overlap", a.lines, b.lines);
        }
    }
}

fn assert_words_kept(d: &VennDiagram, boxes: &[LabelBox]) {
    for (institution, label) in d.institutions.iter().zip(boxes) {
        let words: Vec<&str> = institution.label.split_whitespace().collect();
        assert_eq!(label.lines.join(" "), words.join(" "));
    }
}

fn twenty(
    positions: impl Fn(usize) -> (f64, f64, f64),
    label: impl Fn(usize) -> String,
) -> VennDiagram {
    with(
        (0..20)
            .map(|n| {
                let (x, y, r) = positions(n);
                institution(&format!("i{n}"), &label(n), x, y, r)
            })
            .collect(),
    )
}

#[test]
fn twenty_labels_never_collide_in_several_arrangements() {
    let names = |n: usize| {
        [
            "NHS mental-health trust",
            "Police",
            "المجلس البلدي للمدينة",
            "Clinical commissioning group",
            "GP",
            "Churches and mosques",
            "Food bank 🍞",
            "Coproduction network of the borough",
        ][n % 8]
            .to_string()
    };
    let arrangements: Vec<(&str, VennDiagram)> = vec![
        ("all in one place", twenty(|_| (800.0, 450.0, 50.0), names)),
        (
            "a ring around the community",
            twenty(
                |n| {
                    let angle = n as f64 / 20.0 * std::f64::consts::TAU;
                    (
                        800.0 + angle.cos() * 320.0,
                        450.0 + angle.sin() * 320.0,
                        50.0,
                    )
                },
                names,
            ),
        ),
        (
            "a grid of mixed sizes",
            twenty(
                |n| {
                    let radius = [50.0, 80.0, 120.0][n % 3];
                    (
                        160.0 + (n % 5) as f64 * 320.0,
                        110.0 + (n / 5) as f64 * 230.0,
                        radius,
                    )
                },
                names,
            ),
        ),
        (
            "a tight cluster of small circles with long labels",
            twenty(
                |n| {
                    (
                        1300.0 + (n % 4) as f64 * 30.0,
                        200.0 + (n / 4) as f64 * 30.0,
                        20.0,
                    )
                },
                |n| format!("A rather long institution name number {n} that must wrap"),
            ),
        ),
        (
            "large circles in a corner",
            twenty(|n| (20.0 + n as f64, 20.0 + n as f64, 240.0), names),
        ),
    ];
    for (name, d) in arrangements {
        let boxes = d.label_layout(CHAR, LINE);
        assert_no_overlaps(&d, &boxes);
        assert_words_kept(&d, &boxes);
        assert_eq!(boxes, d.label_layout(CHAR, LINE), "{name}: deterministic");
        if name == "a ring around the community" || name == "a grid of mixed sizes" {
            for b in &boxes {
                assert!(
                    b.left() >= 0.0
                        && b.right() <= CANVAS_WIDTH
                        && b.top() >= 0.0
                        && b.bottom() <= CANVAS_HEIGHT,
                    "{name}: {:?} leaves the canvas",
                    b.lines
                );
            }
        }
    }
}

#[test]
fn labels_wrap_inside_large_circles_and_sit_beside_small_ones() {
    let d = with(vec![
        institution("big", "Clinical commissioning group", 300.0, 300.0, 120.0),
        institution("small", "Clinical commissioning group", 1300.0, 300.0, 20.0),
    ]);
    let boxes = d.label_layout(CHAR, LINE);
    let big = &boxes[0];
    assert!(big.anchor_inside);
    assert_eq!(big.lines, ["Clinical", "commissioning", "group"]);
    assert_eq!((big.x, big.y), (300.0, 300.0));
    let small = &boxes[1];
    assert!(!small.anchor_inside);
    // Beside: to the right of the circle, clear of its edge.
    assert!(small.left() >= 1300.0 + 20.0);
    assert!(close(small.y, 300.0));
    // A circle at the right edge puts its label on the left.
    let edge = with(vec![institution(
        "e",
        "Long label here",
        1590.0,
        300.0,
        20.0,
    )]);
    let label = &edge.label_layout(CHAR, LINE)[0];
    assert!(label.right() <= 1590.0 - 20.0);
}

#[test]
fn wrapping_never_reorders_right_to_left_text_or_splits_words() {
    let arabic = "المجلس البلدي للمدينة الكبيرة";
    let lines = wrap_label(arabic, 10.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.join(" "), arabic);
    for line in &lines {
        for word in line.split(' ') {
            assert!(
                arabic.split(' ').any(|w| w == word),
                "{word:?} is not a whole word"
            );
        }
    }
    assert_eq!(
        wrap_label("Supercalifragilistic is long", 6.0),
        ["Supercalifragilistic", "is", "long"]
    );
}

#[test]
fn an_empty_label_takes_no_room() {
    // Once found by the property test below: a box without text has no area, so it collides
    // with nothing, even when it sits inside another label's box.
    let d = with(vec![
        institution("named", "Food bank 0 A", 1399.0, 769.4, 20.0),
        institution("empty", "", 1348.5, 758.8, 20.0),
        institution("spaces", "  \t ", 1348.5, 758.8, 20.0),
    ]);
    let boxes = d.label_layout(CHAR, LINE);
    assert!(boxes[1].lines.is_empty() && boxes[2].lines.is_empty());
    assert_eq!((boxes[1].width, boxes[1].height), (0.0, 0.0));
    assert!(!boxes[0].overlaps(&boxes[1]) && !boxes[1].overlaps(&boxes[0]));
    assert!(!boxes[1].overlaps(&boxes[2]));
    assert_no_overlaps(&d, &boxes);
}

#[test]
fn label_layout_survives_nonsense_metrics() {
    let d = twenty(|n| (n as f64 * 80.0, 450.0, 50.0), |n| format!("Label {n}"));
    for (char_width, line_height) in [(f64::NAN, 24.0), (0.0, 0.0), (-3.0, 1e300), (1e300, 1e-300)]
    {
        let boxes = d.label_layout(char_width, line_height);
        assert_eq!(boxes.len(), 20);
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1) {
                assert!(!a.overlaps(b));
            }
        }
    }
}

fn label_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert('x')</script>".to_string()),
        Just("Tom & Jerry's \"café\"".to_string()),
        Just("]]> -- <!-- not a comment -->".to_string()),
        Just("المجلس البلدي".to_string()),
        Just("עירייה".to_string()),
        Just("Food bank 🍞🥫 👩🏽‍⚕️".to_string()),
        Just("=SUM(A1)".to_string()),
        Just("&amp; &#60; &lt;".to_string()),
        Just(String::new()),
        "[a-zA-Z <>&\"'\\]\\-]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn up_to_twenty_labels_never_collide_wherever_the_circles_are(
        circles in prop::collection::vec(
            (0.0..=CANVAS_WIDTH, 0.0..=CANVAS_HEIGHT, MIN_RADIUS..=MAX_RADIUS, label_strategy()),
            0..=20,
        ),
    ) {
        let d = with(
            circles
                .iter()
                .enumerate()
                .map(|(n, (x, y, r, label))| institution(&format!("i{n}"), label, *x, *y, *r))
                .collect(),
        );
        let boxes = d.label_layout(CHAR, LINE);
        assert_no_overlaps(&d, &boxes);
        assert_words_kept(&d, &boxes);
    }
}

// ----- Comparing two diagrams ----------------------------------------------------------------

/// "Then" and "now": the council came closer and shrank, the police went further and grew,
/// the church stayed, the food bank closed and a mutual aid group appeared.
fn then_and_now() -> (VennDiagram, VennDiagram) {
    let mut then = with(vec![
        institution("t-council", "Council", 1300.0, 450.0, 120.0),
        institution("t-church", "Church", 900.0, 450.0, 50.0),
        institution("t-police", "Police", 800.0, 150.0, 80.0),
        institution("t-food", "Food bank", 300.0, 700.0, 50.0),
    ]);
    then.institutions[0].relation = Relation::Threat;
    let mut now = with(vec![
        institution("n-police", "POLICE", 800.0, 50.0, 100.0),
        institution("n-council", "  council ", 1100.0, 450.0, 80.0),
        institution("n-mutual", "Mutual aid group", 500.0, 700.0, 50.0),
        institution("n-church", "Church", 900.0, 450.0, 50.0),
    ]);
    now.institutions[0].relation = Relation::Threat;
    (then, now)
}

fn find<'a>(changes: &'a [Change], label: &str) -> &'a Change {
    changes
        .iter()
        .find(|c| c.label == label)
        .unwrap_or_else(|| panic!("no change for {label}"))
}

#[test]
fn institutions_match_by_label_ignoring_case_and_spaces() {
    let (then, now) = then_and_now();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        match_by_label(&then, &now),
        vec![
            (some("t-council"), some("n-council")),
            (some("t-church"), some("n-church")),
            (some("t-police"), some("n-police")),
            (some("t-food"), None),
            (None, some("n-mutual")),
        ]
    );
    assert_eq!(label_key("  Food \t BANK "), "food bank");
}

#[test]
fn the_then_and_now_changes_match_hand_worked_figures() {
    let (then, now) = then_and_now();
    let changes = compare(&then, &now, &[]);
    assert_eq!(changes.len(), 5);

    // Council: its centre was 500 from the community's centre (280 beyond the edge), now 300
    // (80 beyond): 200 closer. Radius 120 → 80: shrank by 40. Gap then 500 − 220 − 120 = 160
    // (far), now 300 − 220 − 80 = 0 (touching).
    let council = find(&changes, "Council");
    assert!(close(council.moved, 200.0));
    assert!(close(council.size_change, -40.0));
    assert_eq!(
        council.relation_change,
        Some((Relation::Threat, Relation::Neutral))
    );
    assert_eq!(
        council.closeness_change,
        Some((Closeness::Far, Closeness::Touching))
    );
    assert_eq!(
        council.tier_change,
        Some((SizeTier::Large, SizeTier::Medium))
    );
    assert_eq!(
        council.summary(),
        "closer by 200; shrank by 40; threat → neutral"
    );

    // Police: 300 from the centre, now 400: 100 further. 80 → 100: grew by 20.
    let police = find(&changes, "Police");
    assert!(close(police.moved, -100.0));
    assert!(close(police.size_change, 20.0));
    assert_eq!(
        police.relation_change,
        Some((Relation::Neutral, Relation::Threat))
    );
    assert_eq!(
        police.summary(),
        "further by 100; grew by 20; neutral → threat"
    );

    let church = find(&changes, "Church");
    assert_eq!((church.moved, church.size_change), (0.0, 0.0));
    assert_eq!(church.summary(), "no change");
    assert_eq!(church.only_in, None);

    let food = find(&changes, "Food bank");
    assert_eq!(food.only_in, Some(Side::Before));
    assert!(food.before.is_some() && food.after.is_none());
    let mutual = find(&changes, "Mutual aid group");
    assert_eq!(mutual.only_in, Some(Side::After));
    assert_eq!(mutual.summary(), "only after");
}

#[test]
fn movement_is_measured_against_each_diagram_s_own_community() {
    let (then, mut now) = then_and_now();
    // Moving the whole "now" picture, community included, changes no one's closeness.
    now.community_x += 100.0;
    for i in &mut now.institutions {
        i.x += 100.0;
    }
    let changes = compare(&then, &now, &[]);
    assert!(close(find(&changes, "Council").moved, 200.0));
    assert!(close(find(&changes, "Church").moved, 0.0));
}

#[test]
fn the_facilitator_can_fix_a_wrong_match() {
    let (then, now) = then_and_now();
    // The mutual aid group grew out of the food bank; the church is not the same church.
    let overrides = pairs(&[("t-food", "n-mutual"), ("t-church", ""), ("", "n-church")]);
    let changes = compare(&then, &now, &overrides);
    let grown = find(&changes, "Food bank → Mutual aid group");
    assert_eq!(grown.only_in, None);
    // (300, 700) → (500, 700): 250 from (800, 450) becomes (300, 250): 559.0 → 390.5.
    let before = 500.0_f64.hypot(250.0);
    let after = 300.0_f64.hypot(250.0);
    assert!(close(grown.moved, before - after));
    let churches: Vec<&Change> = changes.iter().filter(|c| c.label == "Church").collect();
    assert_eq!(churches.len(), 2);
    assert!(churches.iter().any(|c| c.only_in == Some(Side::Before)));
    assert!(churches.iter().any(|c| c.only_in == Some(Side::After)));
    // Overrides naming unknown ids, or an institution already settled, are ignored.
    let ignored = pairs(&[
        ("nobody", "n-council"),
        ("t-food", "n-mutual"),
        ("t-food", "n-church"),
    ]);
    let matched = match_institutions(&then, &now, &ignored);
    assert!(matched.contains(&(Some("t-council".into()), Some("n-council".into()))));
    assert!(matched.contains(&(Some("t-church".into()), Some("n-church".into()))));
}

#[test]
fn repeated_labels_match_in_order_and_empty_labels_never_match() {
    let a = with(vec![
        institution("a1", "Police", 0.0, 0.0, 50.0),
        institution("a2", "Police", 0.0, 0.0, 50.0),
        institution("a3", "", 0.0, 0.0, 50.0),
    ]);
    let b = with(vec![
        institution("b1", "police", 0.0, 0.0, 50.0),
        institution("b2", "", 0.0, 0.0, 50.0),
        institution("b3", "Police ", 0.0, 0.0, 50.0),
    ]);
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        match_by_label(&a, &b),
        vec![
            (some("a1"), some("b1")),
            (some("a2"), some("b3")),
            (some("a3"), None),
            (None, some("b2")),
        ]
    );
    assert!(compare(&VennDiagram::default(), &VennDiagram::default(), &[]).is_empty());
}

// ----- SVG -----------------------------------------------------------------------------------

fn meta() -> FigureMeta {
    FigureMeta {
        title: "Venn — now <2026> & \"us\"".into(),
        group: "Community organisations, 20 people".into(),
        date: "2026-11-25".into(),
    }
}

const HOSTILE: &str = "<script>alert('x')</script> & \"quoted\" ]]> -- <!-- -->";
const ARABIC: &str = "المجلس البلدي";

/// A diagram with one institution of each relation, a hostile label and an Arabic one.
fn example() -> VennDiagram {
    let mut d = with(vec![
        institution("ally", "Church", 900.0, 450.0, 50.0),
        institution("neutral", HOSTILE, 1150.0, 450.0, 120.0),
        institution("threat", ARABIC, 300.0, 200.0, 80.0),
    ]);
    d.institutions[0].relation = Relation::Ally;
    d.institutions[2].relation = Relation::Threat;
    d.institutions[1].notes = "=HYPERLINK(\"http://x\") <b>why</b>".into();
    d.community_label = "Our community & friends".into();
    d
}

#[test]
fn the_figure_is_well_formed_readable_and_escapes_hostile_labels() {
    let d = example();
    let svg = diagram_svg(&d, &meta());
    let elements = check_projector_svg(&svg);
    assert!(!svg.contains("<script"), "the hostile label is escaped");
    assert!(!svg.contains("<b>"));
    let shown = texts(&elements);
    for wanted in [
        "Venn — now <2026> & \"us\"",
        "Community organisations, 20 people",
        "2026-11-25",
        "Church",
    ] {
        assert!(shown.contains(&wanted), "{wanted:?} not shown in {shown:?}");
    }
    // The hostile label is wrapped on the circle, word by word, in order, unchanged.
    let words: Vec<&str> = HOSTILE.split_whitespace().collect();
    let position = |word: &str| shown.iter().position(|t| t.split(' ').any(|w| w == word));
    assert!(words.iter().all(|w| position(w).is_some()), "{shown:?}");
    let title = elements.iter().find(|e| e.name == "title").expect("title");
    assert!(title.text.contains("Venn — now <2026>"));
    assert!(title.text.contains("2026-11-25"));

    // A right-to-left label reads right to left, its characters in their stored order. It
    // wraps on its circle (radius 80) into two lines, first word on top.
    let line = |text: &str| {
        elements
            .iter()
            .find(|e| e.name == "text" && e.text == text)
            .unwrap_or_else(|| panic!("{text:?} not shown in {shown:?}"))
    };
    let (first, second) = ARABIC.split_once(' ').expect("two words");
    let (top, bottom) = (line(first), line(second));
    assert_eq!(top.attribute("direction"), Some("rtl"));
    assert_eq!(bottom.attribute("direction"), Some("rtl"));
    assert_eq!(top.attribute("text-anchor"), Some("middle"));
    assert!(top.number("y") < bottom.number("y"));
    // In the reasons under the legend a right-to-left line is left-aligned like the others:
    // its "end" (its left edge, in SVG's terms) sits at the margin.
    let mut with_reason = example();
    with_reason.institutions[2].notes = "يغلقون الطرق".into();
    let elements = check_projector_svg(&diagram_svg(&with_reason, &meta()));
    let reason = elements
        .iter()
        .find(|e| e.name == "text" && e.text.starts_with(ARABIC) && e.text.contains("يغلقون"))
        .expect("the reason line");
    assert_eq!(reason.attribute("direction"), Some("rtl"));
    assert_eq!(reason.attribute("text-anchor"), Some("end"));
    assert_eq!(reason.number("x"), Some(24.0));
    let church = elements
        .iter()
        .find(|e| e.name == "text" && e.text == "Church")
        .expect("Latin label");
    assert_eq!(church.attribute("direction"), None);
}

/// The screen's comparison shows the pictures alone, so they fill the projector's frame: the
/// diagram and the overlay, every label and mark at the figure's own sizes, no heading, legend
/// or reasons, and a frame no wider than the canvas and its thin margin.
#[test]
fn the_screen_s_pictures_are_the_diagrams_alone() {
    let now = example();
    let mut then = example();
    then.institutions[0].x -= 200.0;
    for picture in [
        diagram_picture_svg(&now),
        comparison_picture_svg(&then, &now, &compare(&then, &now, &[])),
    ] {
        let (elements, width, height) = check_figure_svg(&picture, 24.0);
        assert!(!picture.contains("<script"), "the hostile label is escaped");
        assert!(width <= 1600.0 + 16.0 + 1e-9, "{width}");
        assert!(height <= 900.0 + 16.0 + 1e-9, "{height}");
        let shown = texts(&elements);
        assert!(shown.contains(&"Church"), "{shown:?}");
        assert!(
            !shown.iter().any(|t| t.contains("Why each is there")
                || t.contains("Size = power")
                || t.contains("Venn — now")),
            "{shown:?}"
        );
    }
}

#[test]
fn relations_show_by_colour_and_by_border_and_mark() {
    let d = example();
    let elements = check_projector_svg(&diagram_svg(&d, &meta()));
    let circles_with = |colour: &str| -> Vec<&XmlElement> {
        elements
            .iter()
            .filter(|e| {
                e.name == "circle"
                    && e.attribute("stroke") == Some(colour)
                    && e.number("r").is_some_and(|r| r >= 40.0)
            })
            .collect()
    };
    let ally = circles_with("#009E73");
    let neutral = circles_with("#0072B2");
    let threat = circles_with("#D55E00");
    assert!(!ally.is_empty() && !neutral.is_empty() && !threat.is_empty());
    assert!(
        ally.iter()
            .all(|c| c.attribute("stroke-dasharray").is_none()),
        "solid"
    );
    assert!(
        neutral
            .iter()
            .all(|c| c.attribute("stroke-dasharray") == Some("16 10")),
        "dashed"
    );
    assert!(
        threat
            .iter()
            .all(|c| c.attribute("stroke-dasharray") == Some("2 10")
                && c.attribute("stroke-linecap") == Some("round")),
        "dotted"
    );
    let shown = texts(&elements);
    for mark in ["✓", "–", "✕"] {
        // One on its circle and one in the legend.
        assert!(shown.iter().filter(|t| **t == mark).count() >= 2, "{mark}");
    }
    let legend = shown.join("\n");
    for words in [
        "Size = power or importance",
        "Distance from the community",
        "Ally",
        "Neutral",
        "Threat",
        "small",
        "medium",
        "large",
    ] {
        assert!(legend.contains(words), "legend lacks {words:?}");
    }
    assert!(legend.contains("Why each is there"));
    assert!(
        legend.contains("=HYPERLINK(\"http://x\") <b>why</b>"),
        "notes shown as text"
    );
}

#[test]
fn the_figure_embeds_the_diagram_and_reads_it_back() {
    let d = example();
    let svg = diagram_svg(&d, &meta());
    let elements = check_projector_svg(&svg);
    let metadata: Vec<&XmlElement> = elements.iter().filter(|e| e.name == "metadata").collect();
    assert_eq!(metadata.len(), 1);
    assert_eq!(metadata[0].attribute("id"), Some(METADATA_ID));
    let embedded: VennDiagram = serde_json::from_str(&metadata[0].text).expect("JSON");
    assert_eq!(embedded, d);
    assert_eq!(diagram_from_svg(&svg), Ok(d));
}

#[test]
fn characters_xml_cannot_hold_are_dropped_from_view_but_kept_in_the_data() {
    // U+0000 and U+001B are control characters; U+FFFE and U+FFFF are not characters XML
    // allows at all. serde_json escapes the first two; the writer escapes the other two.
    let strange = "a\u{0}b\u{1b}c\u{FFFE}d\u{FFFF}e\r\nf\tg";
    let mut d = with(vec![institution("s", strange, 400.0, 300.0, 120.0)]);
    d.community_label = strange.into();
    d.institutions[0].notes = strange.into();
    let svg = diagram_svg(
        &d,
        &FigureMeta {
            title: strange.into(),
            ..meta()
        },
    );
    let elements = check_projector_svg(&svg);
    assert!(
        texts(&elements).contains(&"abcde f g"),
        "{:?}",
        texts(&elements)
    );
    assert_eq!(diagram_from_svg(&svg), Ok(d));
}

#[test]
fn the_data_survives_what_other_editors_do_to_the_file() {
    let d = example();
    let json = serde_json::to_string(&d).expect("JSON");
    let escaped = json
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let variants = [
        // Single quotes, a namespace prefix, a DOCTYPE and comments around it.
        format!(
            "<?xml version='1.0'?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\
             <svg:svg xmlns:svg='http://www.w3.org/2000/svg'><!-- <metadata id='{METADATA_ID}'> -->\
             <svg:metadata id='{METADATA_ID}'>{escaped}</svg:metadata></svg:svg>"
        ),
        // A CDATA section, and an RDF block an editor added inside.
        format!(
            "<svg><metadata id=\"x\"/><metadata xml:lang=\"en\" id=\"{METADATA_ID}\">\
             <rdf:RDF><cc:Work>{{\"not\": \"ours\"}}</cc:Work></rdf:RDF>\
             <![CDATA[{}]]></metadata></svg>",
            // A "]]>" inside the data is split across two sections, as XML requires.
            json.replace("]]>", "]]]]><![CDATA[>")
        ),
        // Character references for every character.
        format!(
            "<svg><metadata id=\"{METADATA_ID}\">{}</metadata></svg>",
            json.chars()
                .map(|c| format!("&#x{:x};", c as u32))
                .collect::<String>()
        ),
    ];
    for svg in variants {
        assert_eq!(diagram_from_svg(&svg), Ok(d.clone()), "{svg}");
    }
}

#[test]
fn reading_anything_else_gives_plain_words_never_a_panic() {
    let bad_json =
        format!("<svg><metadata id=\"{METADATA_ID}\">{{\"community_label\": 1</metadata></svg>");
    let broken_rule = format!(
        "<svg><metadata id=\"{METADATA_ID}\">{}</metadata></svg>",
        serde_json::to_string(&with(vec![institution("a", "A", 1.0, 1.0, -5.0)]))
            .expect("JSON")
            .replace('<', "&lt;")
    );
    let cases = [
        String::new(),
        "not xml at all".to_string(),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_string(),
        format!("<svg><metadata id=\"{METADATA_ID}\"/></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">{{}}"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&bogus;</metadata></svg>"),
        format!("<svg><metadata id=\"{METADATA_ID}\">&#xD800;</metadata></svg>"),
        format!("<svg><metadata id={METADATA_ID}>{{}}</metadata></svg>"),
        "<svg><metadata id=\"pla".to_string(),
        "<!DOCTYPE svg [".to_string(),
        bad_json,
        broken_rule.clone(),
    ];
    for case in &cases {
        let problem = diagram_from_svg(case).expect_err(case);
        assert!(!problem.is_empty() && problem.ends_with('.'), "{problem:?}");
    }
    assert!(diagram_from_svg(&broken_rule)
        .expect_err("rule")
        .contains("radius must be above zero"));

    // Every cut of a real file is read or refused, without a panic.
    let svg = diagram_svg(&example(), &meta());
    let mut cut = 0;
    while cut < svg.len() {
        if svg.is_char_boundary(cut) {
            let _ = diagram_from_svg(&svg[..cut]);
        }
        cut += 7;
    }
}

#[test]
fn an_empty_or_damaged_diagram_still_draws() {
    let empty = VennDiagram::default();
    let svg = diagram_svg(&empty, &FigureMeta::default());
    let elements = check_projector_svg(&svg);
    assert!(
        texts(&elements).contains(&"Power Venn diagram"),
        "a fallback title"
    );
    assert_eq!(diagram_from_svg(&svg), Ok(empty));

    let mut damaged = with(vec![
        institution("nan", "NaN", f64::NAN, f64::INFINITY, f64::NAN),
        institution("neg", "Negative", 100.0, 100.0, -40.0),
        institution("dup", "Same", 100.0, 100.0, 50.0),
        institution("dup", "Same", 100.0, 100.0, 50.0),
    ]);
    damaged.community_radius = f64::NAN;
    let svg = diagram_svg(&damaged, &meta());
    check_projector_svg(&svg);
    assert!(
        diagram_from_svg(&svg).is_err(),
        "a damaged diagram is not imported"
    );
    let _ = table_csv(&damaged);
    let _ = changes_csv(&compare(&damaged, &damaged, &[]));
    check_projector_svg(&comparison_svg(
        &damaged,
        &damaged,
        &compare(&damaged, &damaged, &[]),
        &meta(),
        &meta(),
    ));
}

/// Numbers as the model keeps them: to a hundredth of a unit.
fn hundredths(low: f64, high: f64) -> impl Strategy<Value = f64> {
    ((low * 100.0) as i64..=(high * 100.0) as i64).prop_map(|n| n as f64 / 100.0)
}

fn any_relation() -> impl Strategy<Value = Relation> {
    prop::sample::select(Relation::ALL.to_vec())
}

fn any_diagram() -> impl Strategy<Value = VennDiagram> {
    let institution = (
        label_strategy(),
        label_strategy(),
        label_strategy(),
        hundredths(0.0, CANVAS_WIDTH),
        hundredths(0.0, CANVAS_HEIGHT),
        hundredths(0.01, MAX_RADIUS),
        any_relation(),
    );
    (
        label_strategy(),
        (
            hundredths(0.0, CANVAS_WIDTH),
            hundredths(0.0, CANVAS_HEIGHT),
            hundredths(1.0, 400.0),
        ),
        prop::collection::vec(label_strategy(), 0..4),
        prop::collection::vec(institution, 0..8),
        label_strategy(),
    )
        .prop_map(
            |(community_label, (x, y, radius), groups, list, id_tail)| VennDiagram {
                community_label,
                community_x: x,
                community_y: y,
                community_radius: radius,
                groups,
                institutions: list
                    .into_iter()
                    .enumerate()
                    .map(
                        |(n, (label, group, notes, x, y, radius, relation))| Institution {
                            // Unique, and as hostile as the labels.
                            id: format!("{n}:{id_tail}"),
                            label,
                            group,
                            x,
                            y,
                            radius,
                            relation,
                            notes,
                        },
                    )
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_diagram_exported_then_imported_is_equal_and_the_file_is_well_formed(
        d in any_diagram(),
        title in label_strategy(),
    ) {
        let svg = diagram_svg(&d, &FigureMeta { title, group: "G".into(), date: String::new() });
        check_projector_svg(&svg);
        prop_assert_eq!(diagram_from_svg(&svg), Ok(d));
    }

    #[test]
    fn the_figure_adds_no_loss_beyond_json_even_for_full_precision_numbers(
        d in any_diagram(),
        jitter in prop::collection::vec(-1.0_f64..1.0, 8),
    ) {
        let mut d = d;
        for (i, j) in d.institutions.iter_mut().zip(&jitter) {
            i.x = (i.x + j / 3.0).clamp(0.0, CANVAS_WIDTH);
            i.radius = (i.radius + j.abs() / 7.0).max(0.001);
        }
        let through_json: VennDiagram =
            serde_json::from_str(&serde_json::to_string(&d).expect("JSON")).expect("JSON");
        prop_assert_eq!(diagram_from_svg(&diagram_svg(&d, &meta())), Ok(through_json));
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        let _ = diagram_from_svg(&text);
        let _ = diagram_from_svg(&format!("<svg><metadata id=\"{METADATA_ID}\">{text}</metadata></svg>"));
    }

    #[test]
    fn any_pair_compares_and_draws_well_formed(a in any_diagram(), b in any_diagram()) {
        let changes = compare(&a, &b, &[]);
        prop_assert_eq!(
            changes.iter().filter(|c| c.only_in != Some(Side::After)).count(),
            a.institutions.len()
        );
        prop_assert_eq!(
            changes.iter().filter(|c| c.only_in != Some(Side::Before)).count(),
            b.institutions.len()
        );
        check_projector_svg(&comparison_svg(&a, &b, &changes, &meta(), &FigureMeta::default()));
        let rows = parse_csv(&changes_csv(&changes));
        prop_assert_eq!(rows.len(), changes.len() + 1);
        let rows = parse_csv(&table_csv(&a));
        prop_assert_eq!(rows.len(), a.institutions.len() + 1);
    }
}

// ----- The comparison figure -----------------------------------------------------------------

#[test]
fn the_comparison_figure_shows_arrows_and_changes_in_words() {
    let (then, now) = then_and_now();
    let changes = compare(&then, &now, &[]);
    let svg = comparison_svg(
        &then,
        &now,
        &changes,
        &FigureMeta {
            title: "Then".into(),
            group: "Community organisations".into(),
            date: "2016".into(),
        },
        &FigureMeta {
            title: "Now".into(),
            group: "Community organisations".into(),
            date: "2026".into(),
        },
    );
    let elements = check_projector_svg(&svg);
    // Council and police moved; the church did not: two arrowheads.
    assert_eq!(elements.iter().filter(|e| e.name == "polygon").count(), 2);
    // Wrapped lines follow one another: joined, they give back the words.
    let shown = texts(&elements).join(" ");
    for words in [
        "Then → Now",
        "Council (closer by 200; shrank by 40; threat → neutral)",
        "Police (further by 100; grew by 20; neutral → threat)",
        "(no change)",
        "(only before)",
        "(only after)",
        "Grey outline",
    ] {
        assert!(shown.contains(words), "{words:?} not in\n{shown}");
    }
    assert!(
        diagram_from_svg(&svg).is_err(),
        "a comparison carries no single diagram"
    );
}

// ----- CSV -----------------------------------------------------------------------------------

#[test]
fn the_table_csv_has_every_column_and_guards_formulas() {
    let mut d = with(vec![
        institution("w", "=SUM(A1)", 1300.0, 180.0, 120.0),
        institution("x", "-5 apples", 1350.0, 180.0, 60.0),
        institution("c", "Clinic, \"the\" one", 1100.0, 450.0, 100.0),
    ]);
    d.institutions[2].notes = "@mention\nsecond line".into();
    d.institutions[2].group = "+Health".into();
    let rows = parse_csv(&table_csv(&d));
    assert_eq!(
        rows[0],
        [
            "institution",
            "group",
            "closeness",
            "distance to the community's edge",
            "size",
            "radius",
            "relation",
            "overlaps with",
            "inside of",
            "contains",
            "why it is there"
        ]
    );
    assert_eq!(rows.len(), 4);
    // W: (500, −270) from the centre, d = √(250000 + 72900) = 568.24…, gap = 568.24 − 340 = 228.2.
    assert_eq!(rows[1][0], "'=SUM(A1)");
    assert_eq!(rows[1][2], "far");
    assert_eq!(rows[1][3], "228.2");
    assert_eq!(rows[1][4], "large");
    assert_eq!(rows[1][9], "'-5 apples");
    assert_eq!(rows[2][0], "'-5 apples");
    assert_eq!(rows[2][8], "'=SUM(A1)");
    // The clinic: d = 300, gap = −20, touching.
    assert_eq!(rows[3][0], "Clinic, \"the\" one");
    assert_eq!(rows[3][1], "'+Health");
    assert_eq!(rows[3][2], "touching");
    assert_eq!(rows[3][3], "-20");
    assert_eq!(rows[3][6], "neutral");
    assert_eq!(rows[3][10], "'@mention\nsecond line");
    // A byte-order mark first, so Excel reads the file as UTF-8 in any script.
    assert!(table_csv(&d).starts_with('\u{feff}'));
}

#[test]
fn the_changes_csv_lists_movement_size_relation_and_one_sided_institutions() {
    let (then, now) = then_and_now();
    let rows = parse_csv(&changes_csv(&compare(&then, &now, &[])));
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0][0], "institution");
    assert_eq!(rows[0][2], "moved (positive: closer)");
    let row = |label: &str| rows.iter().find(|r| r[0] == label).expect("row");
    let council = row("Council");
    assert_eq!(council[1], "both");
    assert_eq!(council[2], "200");
    assert_eq!(council[3], "-40");
    assert_eq!(
        (council[4].as_str(), council[5].as_str()),
        ("far", "touching")
    );
    assert_eq!(
        (council[12].as_str(), council[13].as_str()),
        ("threat", "neutral")
    );
    assert_eq!(council[14], "closer by 200; shrank by 40; threat → neutral");
    let police = row("Police");
    assert_eq!(police[2], "-100");
    let food = row("Food bank");
    assert_eq!(food[1], "only before");
    assert_eq!(food[2], "");
    assert_eq!(food[5], "", "nothing after");
    assert_eq!(row("Mutual aid group")[1], "only after");
}

#[test]
fn an_exported_svg_is_read_back_as_the_exercise_it_carries() {
    use pla_workshop::export::exercise_from_svg;
    use pla_workshop::export::orgmap::map_svg;
    use pla_workshop::export::FigureMeta;
    use pla_workshop::model::orgmap::OrgMap;
    use pla_workshop::model::ExerciseData;
    let mut diagram = VennDiagram::default();
    assert!(diagram.add_institution("a", "Mosque"));
    let svg = diagram_svg(&diagram, &FigureMeta::default());
    assert_eq!(
        exercise_from_svg(&svg),
        Ok(ExerciseData::PowerVenn(
            diagram_from_svg(&svg).expect("reads")
        ))
    );
    let mut map = OrgMap::default();
    map.add_actor("x", "Council");
    let svg = map_svg(&map, &FigureMeta::default());
    assert!(matches!(
        exercise_from_svg(&svg),
        Ok(ExerciseData::OrganisationalMap(read)) if read == map
    ));
    assert!(exercise_from_svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").is_err());
}

#[test]
fn the_community_label_inside_its_circle_is_never_crossed_by_the_outline() {
    for radius in [90.0, 120.0, 160.0, 220.0, 300.0] {
        for label in [
            "Us",
            "Our community",
            "Our communities together",
            "Residents of the Northfield estate and their families",
        ] {
            let d = VennDiagram {
                community_radius: radius,
                community_label: label.to_string(),
                ..VennDiagram::default()
            };
            let b = d.community_label_box(CHAR, LINE);
            if !b.anchor_inside {
                // Above the circle instead: wholly outside it.
                assert!(
                    b.bottom() <= d.community_y - radius + 1e-9,
                    "{label} at {radius}"
                );
                continue;
            }
            // Every corner of the label's box lies inside the circle.
            for (x, y) in [
                (b.left(), b.top()),
                (b.right(), b.top()),
                (b.left(), b.bottom()),
                (b.right(), b.bottom()),
            ] {
                let distance = ((x - d.community_x).powi(2) + (y - d.community_y).powi(2)).sqrt();
                assert!(
                    distance <= radius,
                    "{label:?} at radius {radius}: corner {x},{y} is outside"
                );
            }
        }
    }
}
