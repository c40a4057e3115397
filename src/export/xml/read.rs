//! Reading an exercise back out of an exported SVG: the text of its `<metadata>`, read as XML
//! reads it (entities, CDATA, comments, any namespace prefix), with no XML crate.

use super::xml_text;

/// The text content of the first `<metadata>` element (any namespace prefix) whose `id` is
/// `metadata_id`, leaving out any child elements an editor may have added. `no_data` is the
/// message when there is none; `what` names the data ("diagram", "map") in other messages.
pub(crate) fn embedded_data(
    svg: &str,
    metadata_id: &str,
    no_data: &str,
    what: &str,
) -> Result<String, String> {
    let mut rest = svg;
    loop {
        let Some(at) = rest.find('<') else {
            return Err(no_data.to_string());
        };
        rest = &rest[at..];
        let (token, after) = next_token(rest)?;
        rest = after;
        if let Token::Start {
            name,
            attributes,
            self_closing,
        } = token
        {
            let is_ours = local_name(name) == "metadata"
                && attribute(attributes, "id")?.as_deref() == Some(metadata_id);
            if is_ours {
                if self_closing {
                    return Err(no_data.to_string());
                }
                return element_text(rest, what);
            }
        }
    }
}

/// The text directly inside an element whose start tag has just been read, up to its end tag.
fn element_text(mut rest: &str, what: &str) -> Result<String, String> {
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        if rest.is_empty() {
            return Err(format!(
                "This SVG file ends in the middle of its {what} data."
            ));
        }
        let (token, after) = next_token(rest)?;
        rest = after;
        match token {
            Token::Text(raw) if depth == 0 => text.push_str(&decode_entities(raw)?),
            Token::CData(raw) if depth == 0 => text.push_str(raw),
            Token::Start {
                self_closing: false,
                ..
            } => depth += 1,
            Token::End => {
                if depth == 0 {
                    return Ok(text);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

enum Token<'a> {
    Start {
        name: &'a str,
        attributes: &'a str,
        self_closing: bool,
    },
    End,
    Text(&'a str),
    CData(&'a str),
    /// A comment, processing instruction or declaration.
    Other,
}

const CUT_SHORT: &str = "This SVG file is cut short or damaged: a tag is never closed.";

/// Reads one token from the start of `rest` and returns it with what follows.
fn next_token(rest: &str) -> Result<(Token<'_>, &str), String> {
    if !rest.starts_with('<') {
        let end = rest.find('<').unwrap_or(rest.len());
        return Ok((Token::Text(&rest[..end]), &rest[end..]));
    }
    if let Some(after) = rest.strip_prefix("<!--") {
        let end = after.find("-->").ok_or(CUT_SHORT)?;
        return Ok((Token::Other, &after[end + 3..]));
    }
    if let Some(after) = rest.strip_prefix("<![CDATA[") {
        let end = after.find("]]>").ok_or(CUT_SHORT)?;
        return Ok((Token::CData(&after[..end]), &after[end + 3..]));
    }
    if let Some(after) = rest.strip_prefix("<?") {
        let end = after.find("?>").ok_or(CUT_SHORT)?;
        return Ok((Token::Other, &after[end + 2..]));
    }
    if let Some(after) = rest.strip_prefix("<!") {
        // A declaration such as <!DOCTYPE svg …>, perhaps with an internal subset in […].
        let end = match (after.find('['), after.find('>')) {
            (Some(open), Some(close)) if open < close => {
                let subset_end = after[open..].find(']').ok_or(CUT_SHORT)? + open;
                after[subset_end..].find('>').ok_or(CUT_SHORT)? + subset_end
            }
            (_, Some(close)) => close,
            _ => return Err(CUT_SHORT.to_string()),
        };
        return Ok((Token::Other, &after[end + 1..]));
    }
    if let Some(after) = rest.strip_prefix("</") {
        let end = after.find('>').ok_or(CUT_SHORT)?;
        return Ok((Token::End, &after[end + 1..]));
    }
    let after = &rest[1..];
    let end = tag_end(after).ok_or(CUT_SHORT)?;
    let inside = &after[..end];
    let (inside, self_closing) = match inside.strip_suffix('/') {
        Some(inner) => (inner, true),
        None => (inside, false),
    };
    let name_end = inside
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inside.len());
    Ok((
        Token::Start {
            name: &inside[..name_end],
            attributes: &inside[name_end..],
            self_closing,
        },
        &after[end + 1..],
    ))
}

/// Where a start tag's closing `>` is, skipping any inside quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (index, c) in tag.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(index),
            None => {}
        }
    }
    None
}

fn local_name(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The value of the attribute `wanted` in a start tag's attribute text, entities decoded.
fn attribute(mut attributes: &str, wanted: &str) -> Result<Option<String>, String> {
    loop {
        attributes = attributes.trim_start();
        if attributes.is_empty() {
            return Ok(None);
        }
        let Some(equals) = attributes.find('=') else {
            return Ok(None);
        };
        let name = attributes[..equals].trim();
        let value_part = attributes[equals + 1..].trim_start();
        let Some(quote) = value_part
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'')
        else {
            return Err("This SVG file is damaged: an attribute has no quoted value.".to_string());
        };
        let value_end = value_part[1..].find(quote).ok_or(CUT_SHORT)?;
        if name == wanted {
            return decode_entities(&value_part[1..1 + value_end]).map(Some);
        }
        attributes = &value_part[1 + value_end + 1..];
    }
}

/// Decodes XML's five named entities and character references.
fn decode_entities(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .find(';')
            .filter(|&end| end <= 12)
            .ok_or("This SVG file is damaged: an “&” starts no entity.")?;
        let entity = &after[..end];
        let decoded = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let number = if let Some(hex) = entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(decimal) = entity.strip_prefix('#') {
                    decimal.parse::<u32>().ok()
                } else {
                    None
                };
                number.and_then(char::from_u32)
            }
        };
        let decoded = decoded.ok_or_else(|| {
            format!(
                "This SVG file is damaged: “&{}” is not a character XML knows.",
                xml_text(entity)
            )
        })?;
        out.push(decoded);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}
