//! The one XML writer of every export (the three kinds' SVG figures and the map's GraphML):
//! one escaper for text and attribute values, one number format for coordinates, and a small
//! element writer. No XML crate: this is all the exports need, and it escapes every quote.

use super::{reads_right_to_left, xml_text};
use std::borrow::Cow;

/// Where an escaped text goes: inside a double-quoted attribute value, or an element's text.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Attribute,
    Text,
}

/// Escapes a text for a double-quoted attribute value: `&`, `<`, `>`, `"` and `'` become
/// entities, tabs and line breaks character references (so the value keeps them), and the
/// characters XML cannot hold at all are dropped.
pub(crate) fn escape_attribute(text: &str) -> Cow<'_, str> {
    escape(text, Place::Attribute)
}

/// [`escape_attribute`] for an element's text, where quotes need no escaping: the JSON
/// embedded in `<metadata>`, full of quotes, then goes through untouched (and fast).
fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, Place::Text)
}

fn escape(text: &str, place: Place) -> Cow<'_, str> {
    let in_attribute = place == Place::Attribute;
    // Most text needs nothing: a byte scan finds out without copying. 0xEF leads the UTF-8 of
    // U+FFFE and U+FFFF (and of other characters, which the careful path keeps).
    let needs_care = text.bytes().any(|b| match b {
        b'&' | b'<' | b'>' | 0..=0x1F | 0xEF => true,
        b'"' | b'\'' => in_attribute,
        _ => false,
    });
    if !needs_care {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied_up_to = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if in_attribute => "&quot;",
            '\'' if in_attribute => "&apos;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}' => {
                continue
            }
            // A character XML cannot hold at all is dropped.
            _ => "",
        };
        out.push_str(&text[copied_up_to..at]);
        out.push_str(replacement);
        copied_up_to = at + c.len_utf8();
    }
    out.push_str(&text[copied_up_to..]);
    Cow::Owned(out)
}

/// A coordinate or length for an attribute: to 0.1, "0" for anything not a number.
pub(crate) fn num(value: f64) -> String {
    let mut out = String::with_capacity(12);
    push_num(&mut out, value);
    out
}

/// Writes [`num`]'s text onto `out`. Digit by digit rather than through `format!`: a large map
/// writes tens of thousands of coordinates, and this keeps its SVG export within the
/// benchmark's 20 ms.
fn push_num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    // Beyond ±10^14 no drawing has anything to show; such a number is not a coordinate.
    if !(tenths.is_finite() && tenths.abs() < 1e15) {
        out.push('0');
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    let (whole, fraction) = (magnitude / 10, magnitude % 10);
    let mut digits = [0u8; 20];
    let mut count = 0;
    let mut rest = whole;
    loop {
        digits[count] = b'0' + (rest % 10) as u8;
        count += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for digit in digits[..count].iter().rev() {
        out.push(char::from(*digit));
    }
    if fraction != 0 {
        out.push('.');
        out.push(char::from(b'0' + fraction as u8));
    }
}

/// JSON text made safe for XML: the two characters XML cannot hold that serde_json leaves
/// as they are (U+FFFE, U+FFFF) become JSON escapes. They can only occur inside JSON
/// strings, where the escape means the same character.
pub(crate) fn json_for_xml(json: &str) -> Cow<'_, str> {
    if json.contains(['\u{FFFE}', '\u{FFFF}']) {
        Cow::Owned(
            json.replace('\u{FFFE}', "\\ufffe")
                .replace('\u{FFFF}', "\\uffff"),
        )
    } else {
        Cow::Borrowed(json)
    }
}

/// The fonts the reader's system already has; no web font is fetched.
pub(crate) const FONT_STACK: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Noto Sans Arabic, Helvetica, Arial, sans-serif";
pub(crate) const INK: &str = "#000000";
pub(crate) const PAPER: &str = "#ffffff";
/// Dark grey for what only supports the picture: 7.5:1 against white.
pub(crate) const SUPPORT: &str = "#595959";

/// A figure's `<title>`: its heading, then what else it says about itself ("Map — Group A,
/// 2026-10-08").
pub(crate) fn full_title<S: AsRef<str>>(heading: &str, about: &[S]) -> String {
    let about: Vec<&str> = about.iter().map(AsRef::as_ref).collect();
    if about.is_empty() {
        heading.to_string()
    } else {
        format!("{heading} — {}", about.join(", "))
    }
}

/// Where a line of text sits against its x: its left edge, its centre, or its right edge,
/// whichever way it reads.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Align {
    Left,
    Centre,
    Right,
}

/// An XML document written as text, one element a line. Every attribute value goes through
/// [`escape_attribute`] and every text through [`escape_text`].
pub(crate) struct Writer {
    pub(crate) out: String,
    /// Attributes written in name order rather than as given: the ranking figures have always
    /// listed them so (the order of the `svg` crate they were first written with), and keeping
    /// it keeps their files byte for byte what they were.
    sorted: bool,
}

impl Writer {
    /// A document that starts with the XML declaration.
    pub(crate) fn new() -> Self {
        Writer {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            sorted: false,
        }
    }

    /// A part of a document, with no declaration: the report's HTML.
    pub(crate) fn fragment() -> Self {
        Writer {
            out: String::new(),
            sorted: false,
        }
    }

    /// [`Writer::new`], writing each element's attributes in name order.
    pub(crate) fn sorted() -> Self {
        Writer {
            sorted: true,
            ..Writer::new()
        }
    }

    fn attributes(&mut self, attributes: &[(&str, String)]) {
        let mut order: Vec<&(&str, String)> = attributes.iter().collect();
        if self.sorted {
            crate::model::order::sort_by_key(&mut order, |(name, _)| *name);
        }
        for (name, value) in order {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape_attribute(value));
            self.out.push('"');
        }
    }

    /// The root of an SVG figure `width` by `height` (its view box the same), in the system's
    /// fonts.
    pub(crate) fn open_svg(&mut self, width: f64, height: f64) {
        self.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".to_string()),
                ("version", "1.1".to_string()),
                ("width", num(width)),
                ("height", num(height)),
                ("viewBox", format!("0 0 {} {}", num(width), num(height))),
                ("font-family", FONT_STACK.to_string()),
            ],
        );
    }

    /// A white page under everything, so the figure is black on white in any viewer.
    pub(crate) fn paper(&mut self, width: f64, height: f64) {
        self.empty(
            "rect",
            &[
                ("x", "0".to_string()),
                ("y", "0".to_string()),
                ("width", num(width)),
                ("height", num(height)),
                ("fill", PAPER.to_string()),
            ],
        );
    }

    /// A start tag, with nothing after it.
    pub(crate) fn start_tag(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attributes(attributes);
        self.out.push('>');
    }

    /// A start tag on a line of its own.
    pub(crate) fn open(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.start_tag(name, attributes);
        self.out.push('\n');
    }

    pub(crate) fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, String)]) {
        self.out.push('<');
        self.out.push_str(name);
        self.attributes(attributes);
        self.out.push_str("/>\n");
    }

    /// An element holding only text (title, desc, metadata, a GraphML value).
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attributes: &[(&str, String)],
        content: &str,
    ) {
        self.start_tag(name, attributes);
        self.out.push_str(&escape_text(content));
        self.close(name);
    }

    /// A bold heading and its lines below, left-aligned at `x`, one every `line` units from
    /// `y`: the notes under a figure (what each actor contributes, why each institution is
    /// there). Returns where the block ends. Nothing is written for no lines.
    pub(crate) fn notes_block(
        &mut self,
        x: f64,
        mut y: f64,
        heading: &str,
        lines: &[String],
        size: f64,
        line: f64,
    ) -> f64 {
        if lines.is_empty() {
            return y;
        }
        y += line * 1.5;
        self.text(x, y - 8.0, heading, size, Align::Left, true);
        for text in lines {
            y += line;
            self.text(x, y - 8.0, text, size, Align::Left, false);
        }
        y
    }

    /// A line of visible black text at `size`, placed on `x` as `align` says. A right-to-left
    /// text gets `direction="rtl"` and its anchor mirrored, as in SVG the "start" of such a
    /// text is its right edge; it is never reversed by hand. Characters XML cannot hold are
    /// dropped and line breaks become spaces; a line with nothing to show is not written.
    pub(crate) fn text(
        &mut self,
        x: f64,
        y: f64,
        content: &str,
        size: f64,
        align: Align,
        bold: bool,
    ) {
        let content = xml_text(content);
        if content.trim().is_empty() {
            return;
        }
        let rtl = reads_right_to_left(&content);
        let anchor = match (align, rtl) {
            (Align::Centre, _) => "middle",
            (Align::Left, false) | (Align::Right, true) => "start",
            (Align::Right, false) | (Align::Left, true) => "end",
        };
        let mut attributes = vec![
            ("x", num(x)),
            ("y", num(y)),
            ("font-size", num(size)),
            ("fill", INK.to_string()),
            ("text-anchor", anchor.to_string()),
        ];
        if bold {
            attributes.push(("font-weight", "bold".to_string()));
        }
        if rtl {
            attributes.push(("direction", "rtl".to_string()));
            attributes.push(("unicode-bidi", "embed".to_string()));
        }
        self.text_element("text", &attributes, &content);
    }

    /// A circle at (x, y), then its `style` attributes.
    pub(crate) fn circle(&mut self, x: f64, y: f64, radius: f64, style: &[(&str, String)]) {
        let mut attributes = vec![("cx", num(x)), ("cy", num(y)), ("r", num(radius))];
        attributes.extend(style.iter().cloned());
        self.empty("circle", &attributes);
    }

    pub(crate) fn line(&mut self, from: (f64, f64), to: (f64, f64), colour: &str, width: f64) {
        self.empty(
            "line",
            &[
                ("x1", num(from.0)),
                ("y1", num(from.1)),
                ("x2", num(to.0)),
                ("y2", num(to.1)),
                ("stroke", colour.to_string()),
                ("stroke-width", num(width)),
            ],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_escape_every_quote_and_text_keeps_them() {
        assert_eq!(
            escape_attribute(r#"a "b" 'c' <d> & e"#),
            "a &quot;b&quot; &apos;c&apos; &lt;d&gt; &amp; e"
        );
        assert_eq!(
            escape_text(r#"a "b" 'c' <d> & e"#),
            r#"a "b" 'c' &lt;d&gt; &amp; e"#
        );
        assert_eq!(escape_attribute("x\ty\nz\u{1}\u{FFFE}"), "x&#9;y&#10;z");
        assert!(matches!(escape_text("عربي 😀"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_writer_escapes_what_it_is_given() {
        let mut writer = Writer::new();
        writer.empty("rect", &[("id", r#"say "hi""#.to_string())]);
        assert!(writer.out.ends_with("<rect id=\"say &quot;hi&quot;\"/>\n"));
        let mut sorted = Writer::sorted();
        sorted.empty("rect", &[("y", "1".into()), ("x", "2".into())]);
        assert!(sorted.out.ends_with("<rect x=\"2\" y=\"1\"/>\n"));
    }

    #[test]
    fn numbers_are_to_a_tenth_and_never_not_a_number() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-2.25), "-2.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e300), "0");
    }
}
