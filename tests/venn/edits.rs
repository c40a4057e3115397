//! Table edits that give the geometry they promise (closeness), and the other edits.

use super::*;

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
