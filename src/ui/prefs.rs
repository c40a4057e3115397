//! How the app looks: theme and projector mode, remembered between visits.

use crate::storage::{browser::LocalStore, KeyValueStore, PREFERENCES_KEY};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    /// Dark and high-contrast, for dim rooms and washed-out projectors.
    Dark,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    #[serde(default)]
    theme: Theme,
    #[serde(default)]
    projector: bool,
    #[serde(default)]
    clock: bool,
}

#[derive(Clone, Copy)]
pub struct Preferences {
    pub theme: RwSignal<Theme>,
    pub projector: RwSignal<bool>,
    /// The projector's clock (A): the time left in the step on the screen.
    pub clock_shown: RwSignal<bool>,
    /// The keys dialog (`?`).
    pub help_open: RwSignal<bool>,
    /// A black screen, as a presenter clicker's B or `.` key asks for.
    pub blackout: RwSignal<bool>,
}

impl Preferences {
    pub fn load() -> Preferences {
        let stored: Stored = LocalStore
            .get(PREFERENCES_KEY)
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default();
        let prefs = Preferences {
            theme: RwSignal::new(stored.theme),
            projector: RwSignal::new(stored.projector),
            clock_shown: RwSignal::new(stored.clock),
            help_open: RwSignal::new(false),
            blackout: RwSignal::new(false),
        };
        // The theme and projector mode are classes on <html>, so CSS does all the work.
        Effect::new(move |_| {
            let theme = prefs.theme.get();
            let projector = prefs.projector.get();
            let clock = prefs.clock_shown.get();
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute(
                    "data-theme",
                    if theme == Theme::Dark {
                        "dark"
                    } else {
                        "light"
                    },
                );
                let _ = root.class_list().toggle_with_force("projector", projector);
            }
            let text = serde_json::to_string(&Stored {
                theme,
                projector,
                clock,
            })
            .unwrap_or_default();
            // Preferences are a convenience: if storage is full they are simply not kept.
            let _ = LocalStore.set(PREFERENCES_KEY, &text);
        });
        prefs
    }

    pub fn toggle_theme(&self) {
        self.theme.update(|t| {
            *t = match t {
                Theme::Light => Theme::Dark,
                Theme::Dark => Theme::Light,
            }
        });
    }

    pub fn toggle_projector(&self) {
        self.projector.update(|p| *p = !*p);
    }
}
