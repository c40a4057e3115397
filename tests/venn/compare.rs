//! Comparing two diagrams (then and now), and the comparison figure.

use super::*;

// ----- Comparing two diagrams ----------------------------------------------------------------

/// "Then" and "now": the council came closer and shrank, the police went further and grew,
/// the church stayed, the food bank closed and a mutual aid group appeared.
pub(super) fn then_and_now() -> (VennDiagram, VennDiagram) {
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
