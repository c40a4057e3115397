//! What the app tells the user, and when it stops telling them.
//!
//! The rules, kept here so they are tested natively:
//! - an identical notice does not pile up: it merges with the one on screen and counts;
//! - information goes by itself after [`INFO_LIFETIME_MS`] and when the page changes;
//! - errors and data warnings (quarantined data) stay until the user dismisses them;
//! - on the projector only data warnings show.

use super::Millis;

/// How long a piece of information stays on screen.
pub const INFO_LIFETIME_MS: Millis = 6_000.0;

#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    /// Stored data that could not be read was moved aside; offers its raw text.
    Quarantined {
        key: String,
        reason: String,
        raw: String,
    },
    /// Another tab saved a workshop this tab has open (`workshop`: its id).
    ChangedElsewhere {
        workshop: String,
        title: String,
    },
    /// Something the user asked for failed, with why.
    Error(String),
    Info(String),
}

impl NoticeKind {
    /// Whether `other` says the same thing and should count on this notice instead of
    /// showing again: the same words, or another tab's change to the same workshop (its
    /// title may be what changes, keystroke by keystroke).
    pub fn merges_with(&self, other: &NoticeKind) -> bool {
        match (self, other) {
            (
                NoticeKind::ChangedElsewhere { workshop: a, .. },
                NoticeKind::ChangedElsewhere { workshop: b, .. },
            ) => a == b,
            _ => self == other,
        }
    }

    /// Stays until dismissed: errors and data warnings.
    pub fn stays(&self) -> bool {
        matches!(self, NoticeKind::Quarantined { .. } | NoticeKind::Error(_))
    }

    /// Shown on the projector too: only warnings about the workshop's data.
    pub fn is_data_warning(&self) -> bool {
        matches!(self, NoticeKind::Quarantined { .. })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    /// How many times the same notice came; shown as "×3".
    pub count: u32,
    /// When it last came, for information's lifetime.
    pub shown_at: Millis,
}

/// The notices on screen, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NoticeBoard {
    notices: Vec<Notice>,
    next_id: u32,
}

impl NoticeBoard {
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Adds a notice, or counts it again if the same one is on screen (and restarts its
    /// lifetime). Returns its id.
    pub fn push(&mut self, kind: NoticeKind, now: Millis) -> u32 {
        if let Some(same) = self.notices.iter_mut().find(|n| n.kind.merges_with(&kind)) {
            same.count += 1;
            same.shown_at = now;
            // The newest words (another tab's latest title).
            same.kind = kind;
            return same.id;
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        self.notices.push(Notice {
            id,
            kind,
            count: 1,
            shown_at: now,
        });
        id
    }

    pub fn dismiss(&mut self, id: u32) {
        self.notices.retain(|n| n.id != id);
    }

    /// Lets information older than its lifetime go. True when anything went.
    pub fn expire(&mut self, now: Millis) -> bool {
        let before = self.notices.len();
        self.notices
            .retain(|n| n.kind.stays() || now - n.shown_at < INFO_LIFETIME_MS);
        self.notices.len() != before
    }

    /// The page changed: information about the last one goes. True when anything went.
    pub fn page_changed(&mut self) -> bool {
        let before = self.notices.len();
        self.notices.retain(|n| n.kind.stays());
        self.notices.len() != before
    }

    /// What is shown: everything, or on the projector only the data warnings.
    pub fn visible(&self, projector: bool) -> Vec<Notice> {
        self.notices
            .iter()
            .filter(|n| !projector || n.kind.is_data_warning())
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(text: &str) -> NoticeKind {
        NoticeKind::Info(text.to_string())
    }

    #[test]
    fn identical_notices_merge_with_a_count() {
        let mut board = NoticeBoard::default();
        let changed = NoticeKind::ChangedElsewhere {
            workshop: "w1".into(),
            title: "Hall".into(),
        };
        let first = board.push(changed.clone(), 0.0);
        for i in 1..20 {
            assert_eq!(board.push(changed.clone(), f64::from(i)), first);
        }
        assert_eq!(board.notices().len(), 1);
        assert_eq!(board.notices()[0].count, 20);
        board.push(info("other"), 30.0);
        assert_eq!(board.notices().len(), 2);
    }

    #[test]
    fn another_tab_typing_a_title_counts_on_one_notice_that_shows_the_latest_title() {
        let mut board = NoticeBoard::default();
        let mut title = String::new();
        for c in "Church hall".chars() {
            title.push(c);
            board.push(
                NoticeKind::ChangedElsewhere {
                    workshop: "w1".into(),
                    title: title.clone(),
                },
                0.0,
            );
        }
        assert_eq!(board.notices().len(), 1);
        assert_eq!(board.notices()[0].count, 11);
        assert_eq!(
            board.notices()[0].kind,
            NoticeKind::ChangedElsewhere {
                workshop: "w1".into(),
                title: "Church hall".into()
            }
        );
        // Another workshop's change is another notice.
        board.push(
            NoticeKind::ChangedElsewhere {
                workshop: "w2".into(),
                title: "Church hall".into(),
            },
            0.0,
        );
        assert_eq!(board.notices().len(), 2);
    }

    #[test]
    fn information_goes_after_its_lifetime_and_on_a_page_change_but_errors_stay() {
        let mut board = NoticeBoard::default();
        board.push(info("Imported 1 workshop."), 0.0);
        board.push(NoticeKind::Error("not imported".into()), 0.0);
        assert!(!board.expire(INFO_LIFETIME_MS - 1.0));
        assert!(board.expire(INFO_LIFETIME_MS));
        assert_eq!(board.notices().len(), 1);
        assert!(board.notices()[0].kind.stays());
        // A notice counted again lives on from its latest arrival.
        board.push(info("again"), 0.0);
        board.push(info("again"), 5_000.0);
        assert!(!board.expire(INFO_LIFETIME_MS + 1.0));
        assert!(board.page_changed());
        assert_eq!(board.notices().len(), 1);
        assert!(!board.page_changed());
    }

    #[test]
    fn the_projector_shows_only_data_warnings() {
        let mut board = NoticeBoard::default();
        board.push(info("x"), 0.0);
        board.push(NoticeKind::Error("e".into()), 0.0);
        board.push(
            NoticeKind::Quarantined {
                key: "k".into(),
                reason: "r".into(),
                raw: "{".into(),
            },
            0.0,
        );
        assert_eq!(board.visible(false).len(), 3);
        let projected = board.visible(true);
        assert_eq!(projected.len(), 1);
        assert!(projected[0].kind.is_data_warning());
    }

    #[test]
    fn a_dismissed_notice_goes_and_the_next_identical_one_is_new() {
        let mut board = NoticeBoard::default();
        let id = board.push(NoticeKind::Error("e".into()), 0.0);
        board.dismiss(id);
        assert!(board.notices().is_empty());
        let again = board.push(NoticeKind::Error("e".into()), 1.0);
        assert_ne!(again, id);
        assert_eq!(board.notices()[0].count, 1);
    }
}
