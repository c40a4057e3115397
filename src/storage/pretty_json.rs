//! Indents compact JSON the way `serde_json::to_string_pretty` does.
//!
//! Why not call `to_string_pretty`: every `Serialize` impl in the file format would then be
//! compiled twice in the wasm, once for the compact writer that storage uses and once for the
//! pretty one that exported files use (issue #17 counts those bytes). Writing compact JSON
//! once and indenting the text afterwards keeps one copy. The output is byte for byte what
//! `to_string_pretty` writes (tests/pretty_json.rs checks it against serde_json).

/// `compact` must be JSON without whitespace between tokens, as `serde_json::to_string`
/// writes it. Two spaces per level, `": "` after a key, and `[]`/`{}` for empty containers.
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}
