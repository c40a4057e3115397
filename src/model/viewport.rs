//! The part of a canvas a screen shows (an SVG `viewBox`), and the arithmetic between the
//! pointer on the screen and a point on the canvas: zoom, pan and fit. Pure, so each rule is
//! tested natively; the editors only read the pointer and the element's box from the browser.

/// A rectangle of the canvas, in canvas units: what the SVG's `viewBox` shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Where an element sits on the screen, in CSS pixels (as `getBoundingClientRect` gives).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    pub const fn new(x: f64, y: f64, width: f64, height: f64) -> Viewport {
        Viewport {
            x,
            y,
            width,
            height,
        }
    }

    /// The SVG `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("{} {} {} {}", self.x, self.y, self.width, self.height)
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// The canvas point under a pointer at `client` (CSS pixels), for an SVG drawn into
    /// `element` with the default `preserveAspectRatio` (the whole viewport shown, as large as
    /// fits, centred).
    pub fn to_canvas(&self, element: ScreenBox, client: (f64, f64)) -> (f64, f64) {
        let scale = (element.width / self.width)
            .min(element.height / self.height)
            .max(1e-6);
        let margin_x = (element.width - self.width * scale) / 2.0;
        let margin_y = (element.height - self.height * scale) / 2.0;
        (
            self.x + (client.0 - element.left - margin_x) / scale,
            self.y + (client.1 - element.top - margin_y) / scale,
        )
    }

    /// Zoomed by `factor` about its centre (below 1 zooms in), its size kept between
    /// `smallest` and `largest`, each side on its own (so the shape stays while within).
    pub fn zoomed(&self, factor: f64, smallest: (f64, f64), largest: (f64, f64)) -> Viewport {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let (cx, cy) = self.centre();
        let width = (self.width * factor).clamp(smallest.0, largest.0);
        let height = (self.height * factor).clamp(smallest.1, largest.1);
        Viewport::new(cx - width / 2.0, cy - height / 2.0, width, height)
    }

    /// Moved by (dx, dy) canvas units.
    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        Viewport::new(self.x + dx, self.y + dy, self.width, self.height)
    }

    /// The smallest viewport of shape `aspect` (width over height) that shows `content`
    /// (left, top, width, height) whole with `margin` round it, centred on it.
    pub fn fit(content: (f64, f64, f64, f64), aspect: f64, margin: f64) -> Viewport {
        let (left, top, width, height) = content;
        let (mut w, mut h) = (
            width.max(1.0) + 2.0 * margin,
            height.max(1.0) + 2.0 * margin,
        );
        if w / h > aspect {
            h = w / aspect;
        } else {
            w = h * aspect;
        }
        let (cx, cy) = (left + width / 2.0, top + height / 2.0);
        Viewport::new(cx - w / 2.0, cy - h / 2.0, w, h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: ScreenBox = ScreenBox {
        left: 100.0,
        top: 50.0,
        width: 800.0,
        height: 600.0,
    };

    #[test]
    fn a_pointer_maps_to_the_canvas_through_the_letterbox() {
        // 1600 × 900 into 800 × 600: half scale, 75 px of margin above and below.
        let view = Viewport::new(0.0, 0.0, 1600.0, 900.0);
        assert_eq!(view.to_canvas(SCREEN, (100.0, 125.0)), (0.0, 0.0));
        assert_eq!(view.to_canvas(SCREEN, (900.0, 575.0)), (1600.0, 900.0));
        let zoomed = Viewport::new(200.0, 100.0, 800.0, 450.0);
        assert_eq!(zoomed.to_canvas(SCREEN, (500.0, 350.0)), (600.0, 325.0));
    }

    #[test]
    fn zoom_keeps_the_centre_and_its_bounds_and_pan_moves() {
        let view = Viewport::new(0.0, 0.0, 1600.0, 900.0);
        let closer = view.zoomed(0.5, (200.0, 112.5), (3200.0, 1800.0));
        assert_eq!(closer, Viewport::new(400.0, 225.0, 800.0, 450.0));
        assert_eq!(closer.centre(), view.centre());
        let far = view.zoomed(100.0, (200.0, 112.5), (3200.0, 1800.0));
        assert_eq!((far.width, far.height), (3200.0, 1800.0));
        assert_eq!(view.zoomed(f64::NAN, (1.0, 1.0), (9e9, 9e9)), view);
        assert_eq!(
            view.panned(10.0, -5.0),
            Viewport::new(10.0, -5.0, 1600.0, 900.0)
        );
    }

    #[test]
    fn fit_shows_the_content_whole_in_the_screens_shape() {
        let view = Viewport::fit((100.0, 100.0, 400.0, 100.0), 16.0 / 9.0, 20.0);
        assert!((view.width / view.height - 16.0 / 9.0).abs() < 1e-9);
        assert!(view.x <= 80.0 && view.x + view.width >= 520.0);
        assert!(view.y <= 80.0 && view.y + view.height >= 220.0);
        assert_eq!(view.centre(), (300.0, 150.0));
    }
}
