//! Label layout: wrapping, placing inside or beside a circle, never overlapping.

use super::*;

// ----- Label layout --------------------------------------------------------------------------

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

pub(super) fn label_strategy() -> impl Strategy<Value = String> {
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
