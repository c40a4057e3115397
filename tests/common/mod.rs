//! Helpers shared by the native test crates (each file under tests/, and each folder there with
//! its main.rs, is a crate of its own, so they reach this as `mod common;`, a folder's main.rs
//! through `#[path]`): an XML well-formedness checker for the SVG and GraphML exports, a CSV
//! reader, and the rankings of n numbered items that the ranking and ballot tests start from.
#![allow(dead_code)]

#[derive(Debug)]
pub struct XmlElement {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub text: String,
    /// The index of the parent element, None for the root.
    pub parent: Option<usize>,
}

impl XmlElement {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn number(&self, name: &str) -> Option<f64> {
        self.attribute(name).and_then(|v| v.parse().ok())
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')
}

/// Decodes the five predefined entities and character references; an `&` that starts none
/// of them, or a raw `<`, makes the document ill-formed.
fn decode(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        if rest[at..].starts_with('<') {
            return Err(format!("raw '<' in {raw:?}"));
        }
        let end = rest[at..]
            .find(';')
            .ok_or_else(|| format!("unterminated entity in {raw:?}"))?;
        let entity = &rest[at + 1..at + end];
        let decoded = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ if entity.starts_with("#x") => u32::from_str_radix(&entity[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("bad reference &{entity};"))?,
            _ if entity.starts_with('#') => entity[1..]
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| format!("bad reference &{entity};"))?,
            _ => return Err(format!("unknown entity &{entity};")),
        };
        out.push(decoded);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A small XML well-formedness check: one root, every tag closed in order, attributes
/// quoted and unique, entities known, only XML characters, no `]]>` in text. Returns the
/// elements in document order.
pub fn parse_xml(document: &str) -> Result<Vec<XmlElement>, String> {
    if let Some(c) = document.chars().find(|&c| !is_xml_char(c)) {
        return Err(format!("character {c:?} is not allowed in XML"));
    }
    let mut rest = document;
    if rest.starts_with("<?xml") {
        let end = rest.find("?>").ok_or("unterminated XML declaration")?;
        rest = &rest[end + 2..];
    }
    let mut elements: Vec<XmlElement> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut roots = 0;
    while !rest.is_empty() {
        let next_tag = rest.find('<').unwrap_or(rest.len());
        if rest[..next_tag].contains("]]>") {
            return Err("]]> in text".into());
        }
        let text = decode(&rest[..next_tag])?;
        if let Some(&current) = open.last() {
            elements[current].text.push_str(&text);
        } else if !text.trim().is_empty() {
            return Err(format!("text outside the root: {text:?}"));
        }
        rest = &rest[next_tag..];
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").ok_or("unterminated comment")?;
            rest = &after[end + 3..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unterminated end tag")?;
            let name = after[..end].trim_end();
            let current = open
                .pop()
                .ok_or_else(|| format!("</{name}> closes nothing"))?;
            if elements[current].name != name {
                return Err(format!("</{name}> closes <{}>", elements[current].name));
            }
            rest = &after[end + 1..];
            continue;
        }
        let after = &rest[1..];
        let name_end = after
            .find(|c: char| !is_name_char(c))
            .ok_or("unterminated start tag")?;
        let name = &after[..name_end];
        if name.is_empty() {
            return Err("a tag without a name".into());
        }
        let mut tail = &after[name_end..];
        let mut attributes: Vec<(String, String)> = Vec::new();
        let self_closing;
        loop {
            let trimmed = tail.trim_start();
            if let Some(t) = trimmed.strip_prefix("/>") {
                self_closing = true;
                tail = t;
                break;
            }
            if let Some(t) = trimmed.strip_prefix('>') {
                self_closing = false;
                tail = t;
                break;
            }
            if trimmed.len() == tail.len() {
                return Err(format!(
                    "<{name}>: attributes need white space between them"
                ));
            }
            let attribute_end = trimmed
                .find(|c: char| !is_name_char(c))
                .ok_or("unterminated attribute")?;
            let attribute = &trimmed[..attribute_end];
            if attribute.is_empty() {
                return Err(format!("<{name}>: stray {:?}", trimmed.chars().next()));
            }
            let value_part = trimmed[attribute_end..]
                .trim_start()
                .strip_prefix('=')
                .ok_or_else(|| format!("<{name} {attribute}>: no '='"))?
                .trim_start();
            let quote = value_part
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
                .ok_or_else(|| format!("<{name} {attribute}>: unquoted value"))?;
            let value_end = value_part[1..]
                .find(quote)
                .ok_or_else(|| format!("<{name} {attribute}>: unterminated value"))?;
            let value = decode(&value_part[1..1 + value_end])?;
            if attributes.iter().any(|(n, _)| n == attribute) {
                return Err(format!("<{name}>: {attribute} twice"));
            }
            attributes.push((attribute.to_string(), value));
            tail = &value_part[1 + value_end + 1..];
        }
        if open.is_empty() {
            roots += 1;
        }
        elements.push(XmlElement {
            name: name.to_string(),
            attributes,
            text: String::new(),
            parent: open.last().copied(),
        });
        if !self_closing {
            open.push(elements.len() - 1);
        }
        rest = tail;
    }
    if let Some(&current) = open.last() {
        return Err(format!("<{}> is never closed", elements[current].name));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(elements)
}

#[test]
fn the_well_formedness_check_catches_broken_documents() {
    assert!(parse_xml("<svg><text>a &amp; b</text></svg>").is_ok());
    for broken in [
        "<svg><text>a & b</text></svg>",
        "<svg><text>a</svg></text>",
        "<svg><text x=1>a</text></svg>",
        "<svg><text>a</text>",
        "<svg/><svg/>",
        "<svg a=\"1\" a=\"2\"/>",
        "<svg a=\"1\"\"/>",
        "<svg><text><script></text></svg>",
        "<svg>\u{1}</svg>",
        "<svg>\u{FFFE}</svg>",
        "<svg>]]></svg>",
    ] {
        assert!(parse_xml(broken).is_err(), "{broken:?} passed");
    }
}

pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .expect("parses as CSV")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// What every exported figure must be: a well-formed, self-contained SVG 1.1 document with a
/// `<title>` first, black text of at least `min_text_px` placed on the page, and nothing that
/// needs the app or a stylesheet (no scripts, styles, classes, links, markers, event handlers
/// or external references). Returns the elements and the page's width and height.
pub fn check_figure_svg(svg: &str, min_text_px: f64) -> (Vec<XmlElement>, f64, f64) {
    let elements = parse_xml(svg).unwrap_or_else(|problem| panic!("{problem}\n{svg}"));
    let root = &elements[0];
    assert_eq!(root.name, "svg");
    assert_eq!(root.attribute("xmlns"), Some("http://www.w3.org/2000/svg"));
    assert_eq!(root.attribute("version"), Some("1.1"));
    let width = root.number("width").expect("width");
    let height = root.number("height").expect("height");
    assert!(width > 0.0 && height > 0.0);
    assert_eq!(
        root.attribute("viewBox"),
        Some(format!("0 0 {width} {height}").as_str())
    );
    assert!(root
        .attribute("font-family")
        .is_some_and(|f| f.contains("sans-serif")));
    assert_eq!(elements[1].name, "title", "a <title> first");
    for element in &elements {
        for (name, value) in &element.attributes {
            assert!(
                name != "class" && name != "style" && !name.contains("href"),
                "{name}"
            );
            assert!(!value.contains("url("), "{name}={value}");
            assert!(!name.starts_with("on"), "{name}");
        }
        assert!(
            ![
                "script",
                "style",
                "image",
                "use",
                "foreignObject",
                "a",
                "marker"
            ]
            .contains(&element.name.as_str()),
            "<{}>",
            element.name
        );
        if element.name == "text" {
            let size = element
                .number("font-size")
                .expect("every text sets its size");
            assert!(size >= min_text_px, "text at {size}px: {:?}", element.text);
            assert_eq!(element.attribute("fill"), Some("#000000"), "black text");
            let x = element.number("x").expect("x");
            assert!(
                (0.0..=width).contains(&x),
                "outside the page: {:?}",
                element.text
            );
        }
    }
    (elements, width, height)
}

/// What the Venn and map figures must be besides ([`check_figure_svg`]): a page at least as
/// big as the 1600 by 900 canvas, readable on a projector (labels at least 18 px, strokes at
/// least 2 px, text on the page in both directions), in the system font stack.
pub fn check_projector_svg(svg: &str) -> Vec<XmlElement> {
    let (elements, width, height) = check_figure_svg(svg, 18.0);
    // The canvas is 1600 by 900; the page adds a heading and a legend.
    assert!(width >= 1600.0 && height > 900.0);
    assert!(elements[0]
        .attribute("font-family")
        .is_some_and(|f| f.contains("system-ui")));
    for element in &elements {
        if element.attribute("stroke").is_some_and(|s| s != "none") {
            let stroke = element
                .number("stroke-width")
                .expect("every stroke sets its width");
            assert!(stroke >= 2.0, "<{}> stroke {stroke}", element.name);
        }
        if element.name == "text" {
            let y = element.number("y").expect("y");
            assert!(
                (0.0..=height).contains(&y),
                "outside the page: {:?}",
                element.text
            );
        }
    }
    elements
}

/// The text of every `<text>` element, in document order.
pub fn texts(elements: &[XmlElement]) -> Vec<&str> {
    elements
        .iter()
        .filter(|e| e.name == "text")
        .map(|e| e.text.as_str())
        .collect()
}

/// The id of the ranking item numbered `i`: item-0, item-1, ….
pub fn id(i: usize) -> String {
    format!("item-{i}")
}

/// A ranking of `n` items with ids item-0 … and labels "Item 0" ….
pub fn ranking_of(n: usize) -> pla_workshop::model::ranking::Ranking {
    let mut ranking = pla_workshop::model::ranking::Ranking::default();
    for i in 0..n {
        assert!(ranking.add_item(id(i), format!("Item {i}")));
    }
    ranking
}
