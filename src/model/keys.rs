//! The keys of every screen: what `?` lists, in groups, the screen's own keys first and the
//! general keys after them. The README's "Keys" section is [`keys_markdown`] word for word
//! (a native test holds them together), so the documentation cannot drift from the app.

use super::ExerciseKind;

/// The screens whose keys differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Workshop,
    Report,
    Exercise(ExerciseKind),
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Home,
        Screen::Workshop,
        Screen::Report,
        Screen::Exercise(ExerciseKind::OrganisationalMap),
        Screen::Exercise(ExerciseKind::PowerVenn),
        Screen::Exercise(ExerciseKind::PairwiseRanking),
        Screen::Exercise(ExerciseKind::Vignette),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Screen::Home => "All workshops",
            Screen::Workshop => "A workshop",
            Screen::Report => "The workshop's report",
            Screen::Exercise(ExerciseKind::OrganisationalMap) => "Organisational map",
            Screen::Exercise(ExerciseKind::PowerVenn) => "Power Venn diagram",
            Screen::Exercise(ExerciseKind::PairwiseRanking) => "Pair-wise ranking",
            Screen::Exercise(ExerciseKind::Vignette) => "Vignette",
        }
    }
}

/// A heading and its keys: (key, what it does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyGroup {
    pub title: &'static str,
    pub keys: Vec<(&'static str, &'static str)>,
}

fn group(title: &'static str, keys: &[(&'static str, &'static str)]) -> KeyGroup {
    KeyGroup {
        title,
        keys: keys.to_vec(),
    }
}

/// The keys that work on every screen.
pub fn general_keys() -> KeyGroup {
    group(
        "Everywhere",
        &[
            ("?", "Show the keys of this screen"),
            ("P", "Projector mode on or off"),
            ("T", "Light or dark high-contrast theme"),
            ("A", "The clock: time left in the step on the projector"),
            (
                "B or .",
                "Black screen; the next key only brings the picture back",
            ),
            (
                "Esc",
                "Leave a text field, close a dialog or a menu, or leave projector mode",
            ),
            ("Tab / Shift+Tab", "Move between controls"),
        ],
    )
}

fn undo_keys(what: &'static str) -> KeyGroup {
    group(
        "Undo (in a field too)",
        &[("Ctrl+Z", what), ("Ctrl+Shift+Z or Ctrl+Y", "Redo")],
    )
}

fn clicker_keys() -> KeyGroup {
    group(
        "Presenter clicker",
        &[
            ("Page Down", "Next exercise"),
            ("Page Up", "Previous exercise"),
        ],
    )
}

/// The keys of a screen, its own first, grouped; the general keys last.
pub fn keys_for(screen: Screen) -> Vec<KeyGroup> {
    let mut groups = match screen {
        Screen::Home => vec![
            group(
                "Workshops",
                &[("N", "New workshop (the cursor goes to its title)")],
            ),
            undo_keys("Undo a create, duplicate or delete"),
        ],
        Screen::Workshop => vec![
            group("Workshop", &[("R", "The workshop's report")]),
            clicker_keys(),
            undo_keys("Undo (one visit to a field is one step)"),
        ],
        Screen::Report => vec![group(
            "Report",
            &[
                ("Ctrl+P", "Print it, or Save as PDF"),
                ("Esc", "Back to the workshop"),
            ],
        )],
        Screen::Exercise(ExerciseKind::OrganisationalMap) => vec![
            group(
                "On an actor (Tab to it)",
                &[
                    ("Arrow keys", "Move it (Shift: big steps)"),
                    ("L", "Draw a link from it"),
                    ("Delete", "Remove it and its links"),
                ],
            ),
            group(
                "Link dialog",
                &[("Enter", "Draw the link"), ("Esc", "Cancel")],
            ),
            group(
                "On the projector",
                &[("K", "Show or hide the key (the legend)")],
            ),
            clicker_keys(),
            undo_keys("Undo"),
        ],
        Screen::Exercise(ExerciseKind::PowerVenn) => vec![
            group(
                "On a circle (Tab to it)",
                &[
                    ("Arrow keys", "Move it (Shift: big steps)"),
                    ("+ / −", "Larger or smaller"),
                    ("Delete", "Remove it"),
                ],
            ),
            clicker_keys(),
            undo_keys("Undo (one visit to a circle is one step)"),
        ],
        Screen::Exercise(ExerciseKind::PairwiseRanking) => vec![
            group(
                "Deciding a pair",
                &[
                    ("← or 1", "The first item matters more"),
                    ("→ or 2", "The second item matters more"),
                    ("=", "A tie"),
                    ("S", "Can't decide"),
                    ("⌫", "Back to the previous pair"),
                ],
            ),
            group(
                "Views",
                &[
                    ("I", "Items"),
                    ("D", "Decide"),
                    ("M", "Matrix"),
                    ("R", "Results"),
                    ("W", "Reasons (why)"),
                    ("C", "Compare groups"),
                    ("V", "Ballots (each participant votes alone)"),
                ],
            ),
            group(
                "Ballots",
                &[
                    ("Enter", "Start the next participant's ballot"),
                    ("H", "Hand over: seal this ballot"),
                    ("O", "Reveal or hide the ballots' results"),
                ],
            ),
            clicker_keys(),
            undo_keys("Undo"),
        ],
        // The clicker pages through the vignette's parts before it moves on.
        Screen::Exercise(ExerciseKind::Vignette) => vec![
            group(
                "Presenter clicker",
                &[
                    (
                        "Page Down",
                        "The next part (the scenario, each question, what happened next), then the next exercise",
                    ),
                    ("Page Up", "The previous part, then the previous exercise"),
                ],
            ),
            undo_keys("Undo"),
        ],
    };
    groups.push(general_keys());
    groups
}

/// The README's keys section: every screen's keys as a table.
pub fn keys_markdown() -> String {
    let mut text = String::new();
    for screen in Screen::ALL {
        text.push_str(&format!(
            "### {}\n\n| | key | what it does |\n|---|---|---|\n",
            screen.name()
        ));
        for group in keys_for(screen) {
            for (n, (key, action)) in group.keys.iter().enumerate() {
                let heading = if n == 0 { group.title } else { "" };
                let key = key.replace('|', "\\|");
                text.push_str(&format!("| {heading} | `{key}` | {action} |\n"));
            }
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_lists_its_own_keys_before_the_general_ones() {
        for screen in Screen::ALL {
            let groups = keys_for(screen);
            assert!(groups.len() >= 2, "{screen:?}");
            assert_eq!(groups.last(), Some(&general_keys()), "{screen:?}");
        }
        let ranking = keys_for(Screen::Exercise(ExerciseKind::PairwiseRanking));
        let keys: Vec<&str> = ranking
            .iter()
            .flat_map(|g| g.keys.iter().map(|k| k.0))
            .collect();
        for key in [
            "← or 1", "→ or 2", "=", "S", "⌫", "I", "D", "M", "R", "W", "C", "V", "H", "O",
        ] {
            assert!(keys.contains(&key), "ranking lacks {key}");
        }
        let venn = keys_for(Screen::Exercise(ExerciseKind::PowerVenn));
        assert!(venn.iter().any(|g| g.keys.iter().any(|k| k.0 == "+ / −")));
        let map = keys_for(Screen::Exercise(ExerciseKind::OrganisationalMap));
        assert!(map.iter().any(|g| g.keys.iter().any(|k| k.0 == "L")));
        assert!(map.iter().any(|g| g.keys.iter().any(|k| k.0 == "Delete")));
    }
}
