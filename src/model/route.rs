//! Where the app is, as the location hash says it, so a reload and the browser's Back
//! button come back to the same screen and the same view of it.
//!
//! `#/` home; `#/w/<workshop>` a workshop; `#/w/<workshop>/e/<exercise>` an exercise, and
//! `#/w/<workshop>/e/<exercise>/<view>` one view of it (a ranking's matrix, a map's links, a
//! vignette's second question "q2"); `#/w/<workshop>/b/<plan item>` a break in the running
//! order.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Workshop(String),
    Exercise(String, String),
    /// A break of the workshop's running order, by its plan item's id.
    Break(String, String),
    /// The workshop's report, for reading, printing and saving.
    Report(String),
    /// The names of the workshop and their pseudonyms, for copies that leave the room.
    Publish(String),
}

impl Route {
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Workshop(w) => format!("#/w/{w}"),
            Route::Exercise(w, e) => format!("#/w/{w}/e/{e}"),
            Route::Break(w, b) => format!("#/w/{w}/b/{b}"),
            Route::Report(w) => format!("#/w/{w}/report"),
            Route::Publish(w) => format!("#/w/{w}/publish"),
        }
    }

    pub fn from_hash(hash: &str) -> Route {
        Location::from_hash(hash).route
    }

    pub fn workshop_id(&self) -> Option<&str> {
        match self {
            Route::Home => None,
            Route::Workshop(w)
            | Route::Exercise(w, _)
            | Route::Break(w, _)
            | Route::Report(w)
            | Route::Publish(w) => Some(w),
        }
    }
}

/// A route and, on an exercise, the view of it that is open ("" for its first view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub route: Route,
    pub view: String,
}

impl Location {
    pub fn to_hash(&self) -> String {
        match (&self.route, self.view.is_empty()) {
            (Route::Exercise(..), false) => format!("{}/{}", self.route.to_hash(), self.view),
            _ => self.route.to_hash(),
        }
    }

    pub fn from_hash(hash: &str) -> Location {
        let parts: Vec<&str> = hash
            .trim_start_matches('#')
            .split('/')
            .filter(|p| !p.is_empty())
            .collect();
        let (route, view) = match parts.as_slice() {
            ["w", w] => (Route::Workshop(w.to_string()), ""),
            ["w", w, "e", e] => (Route::Exercise(w.to_string(), e.to_string()), ""),
            ["w", w, "e", e, view] => (Route::Exercise(w.to_string(), e.to_string()), *view),
            ["w", w, "b", b] => (Route::Break(w.to_string(), b.to_string()), ""),
            ["w", w, "report"] => (Route::Report(w.to_string()), ""),
            ["w", w, "publish"] => (Route::Publish(w.to_string()), ""),
            _ => (Route::Home, ""),
        };
        // A view name is a short word (letters, then perhaps a number: "q2"); anything else
        // is ignored rather than kept.
        let view = if view.len() <= 20
            && view
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        {
            view.to_string()
        } else {
            String::new()
        };
        Location { route, view }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_survives_its_hash() {
        let cases = [
            Location {
                route: Route::Home,
                view: String::new(),
            },
            Location {
                route: Route::Workshop("w1".into()),
                view: String::new(),
            },
            Location {
                route: Route::Exercise("w1".into(), "e1".into()),
                view: String::new(),
            },
            Location {
                route: Route::Exercise("w1".into(), "e1".into()),
                view: "matrix".into(),
            },
            Location {
                route: Route::Exercise("w1".into(), "e1".into()),
                view: "q12".into(),
            },
            Location {
                route: Route::Report("w1".into()),
                view: String::new(),
            },
            Location {
                route: Route::Publish("w1".into()),
                view: String::new(),
            },
            Location {
                route: Route::Break("w1".into(), "lunch".into()),
                view: String::new(),
            },
        ];
        for location in cases {
            assert_eq!(Location::from_hash(&location.to_hash()), location);
        }
    }

    #[test]
    fn only_an_exercise_has_a_view_and_a_strange_view_is_ignored() {
        let on_workshop = Location {
            route: Route::Workshop("w".into()),
            view: "matrix".into(),
        };
        assert_eq!(on_workshop.to_hash(), "#/w/w");
        let odd = Location::from_hash("#/w/a/e/b/<script>");
        assert_eq!(odd.route, Route::Exercise("a".into(), "b".into()));
        assert_eq!(odd.view, "");
        assert_eq!(Location::from_hash("#/nonsense/x/y").route, Route::Home);
        assert_eq!(
            Route::from_hash("#/w/a/e/b/results"),
            Route::Exercise("a".into(), "b".into())
        );
    }
}
