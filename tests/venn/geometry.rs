//! Closeness bands, overlaps and nesting, and the size tiers, against hand-worked geometry.

use super::*;

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
