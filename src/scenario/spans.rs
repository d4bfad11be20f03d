//! Where each value sits in a RON file.
//!
//! `ron` reports positions for syntax errors but keeps none for the values
//! it deserialises, so a check such as "unknown next node" could not say
//! where the bad id is. This module scans the same text into a light tree of
//! byte spans (no types, no values) that the validator walks beside the
//! typed scenario. It only runs on text `ron` accepted or is about to judge,
//! is depth-limited, and gives up (returns `None`) on anything odd rather
//! than guess.

use std::ops::Range;

/// Deeper than this and the scan gives up; `ron` itself stops at 128.
const MAX_DEPTH: usize = 200;

/// One value and its byte span in the source.
#[derive(Debug, Clone)]
pub struct SpanNode<'s> {
    pub span: Range<usize>,
    /// The identifier before the brackets: a struct or enum variant name.
    pub tag: Option<&'s str>,
    pub kind: Kind<'s>,
}

/// The shape of a value: enough to walk to a field or an item.
#[derive(Debug, Clone)]
pub enum Kind<'s> {
    /// `Name(a: 1, b: 2)` or `(a: 1)`: named fields.
    Struct(Vec<Field<'s>>),
    /// `Name(1, 2)`, `(1, 2)` or `[1, 2]`: positional items.
    Items(Vec<SpanNode<'s>>),
    /// `{k: v}`: keys and values in order.
    Map(Vec<(SpanNode<'s>, SpanNode<'s>)>),
    /// A string, number, char or bare identifier.
    Scalar,
}

/// A named field of a struct-like value.
#[derive(Debug, Clone)]
pub struct Field<'s> {
    pub name: &'s str,
    pub name_span: Range<usize>,
    pub value: SpanNode<'s>,
}

impl<'s> SpanNode<'s> {
    /// The value of field `name`, looking through an explicit `Some(..)`.
    pub fn field(&self, name: &str) -> Option<&SpanNode<'s>> {
        match &self.kind {
            Kind::Struct(fields) => fields.iter().find(|f| f.name == name).map(|f| f.value.unwrap_some()),
            _ => None,
        }
    }

    /// Item `i` of a list or tuple-like value.
    pub fn item(&self, i: usize) -> Option<&SpanNode<'s>> {
        match &self.kind {
            Kind::Items(items) => items.get(i),
            _ => None,
        }
    }

    /// An explicit `Some(x)` is written where IMPLICIT_SOME allows plain `x`;
    /// both must locate the same.
    fn unwrap_some(&self) -> &SpanNode<'s> {
        match (&self.tag, &self.kind) {
            (Some(tag), Kind::Items(items)) if *tag == "Some" && items.len() == 1 => &items[0],
            _ => self,
        }
    }
}

/// The struct name the document starts with (`Scenario`, `Catalogue`),
/// found without scanning the rest.
pub fn root_tag(src: &str) -> Option<&str> {
    let mut s = Scanner { text: src, src: src.as_bytes(), pos: 0 };
    s.skip_trivia()?;
    while s.peek() == Some(b'#') {
        s.skip_attribute()?;
        s.skip_trivia()?;
    }
    let start = s.pos;
    s.ident()?;
    src.get(start..s.pos)
}

/// Whether the document is a map (`{ "key": ... }`): a playtest answers
/// file, told apart from a scenario or catalogue by its content.
pub fn root_is_map(src: &str) -> bool {
    first_value(src).starts_with('{')
}

/// The text from the document's first value on: past a byte-order mark,
/// whitespace, comments and `#![...]` attributes. What a file is (a
/// scenario, a catalogue, answers, not RON at all) shows there. Empty when
/// there is no value, or a comment is not closed.
pub fn first_value(src: &str) -> &str {
    let text = src.trim_start_matches('\u{feff}');
    let mut s = Scanner { text, src: text.as_bytes(), pos: 0 };
    loop {
        if s.skip_trivia().is_none() {
            return "";
        }
        if !text[s.pos..].starts_with("#!") {
            return &text[s.pos..];
        }
        while s.peek().is_some_and(|b| b != b'\n') {
            s.pos += 1;
        }
    }
}

/// Whether `src` holds nothing but whitespace and comments.
pub fn is_blank(src: &str) -> bool {
    let mut s = Scanner { text: src, src: src.as_bytes(), pos: 0 };
    s.skip_trivia().is_some() && s.pos == src.len()
}

/// The chain of values containing byte `offset`, outermost first, with the
/// name of the field each one is the value of (if it is one). Used to name
/// the field a `ron` type error is about.
pub fn path_at<'t, 's>(root: &'t SpanNode<'s>, offset: usize) -> Vec<(Option<&'s str>, &'t SpanNode<'s>)> {
    let mut path = vec![(None, root)];
    let mut node = root;
    loop {
        let inside = |n: &SpanNode<'_>| n.span.start <= offset && offset < n.span.end;
        let next = match &node.kind {
            Kind::Struct(fields) => fields.iter().find(|f| inside(&f.value)).map(|f| (Some(f.name), &f.value)),
            Kind::Items(items) => items.iter().find(|n| inside(n)).map(|n| (None, n)),
            Kind::Map(entries) => entries.iter().flat_map(|(k, v)| [k, v]).find(|n| inside(n)).map(|n| (None, n)),
            Kind::Scalar => None,
        };
        match next {
            Some((name, child)) => {
                path.push((name, child));
                node = child;
            }
            None => return path,
        }
    }
}

/// Scans `src` into a span tree, or `None` when it is not well-formed RON.
pub fn scan(src: &str) -> Option<SpanNode<'_>> {
    let mut s = Scanner { text: src, src: src.as_bytes(), pos: 0 };
    s.skip_trivia()?;
    // An optional `#![enable(...)]` attribute comes first.
    while s.peek() == Some(b'#') {
        s.skip_attribute()?;
        s.skip_trivia()?;
    }
    s.value(0)
}

struct Scanner<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    /// Skips whitespace and comments (block comments nest in RON).
    fn skip_trivia(&mut self) -> Option<()> {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(b' ' | b'\t' | b'\n' | b'\r'), _) => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => self.skip_block_comment()?,
                _ => return Some(()),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match (self.peek()?, self.peek_at(1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    fn skip_attribute(&mut self) -> Option<()> {
        while self.peek()? != b']' {
            self.pos += 1;
        }
        self.pos += 1;
        Some(())
    }

    fn value(&mut self, depth: usize) -> Option<SpanNode<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let mut tag = None;
        let kind = match self.peek()? {
            b'(' => self.parens(depth)?,
            b'[' => Kind::Items(self.items(b']', depth)?),
            b'{' => self.map(depth)?,
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            b'\'' => {
                self.char_lit()?;
                Kind::Scalar
            }
            b'r' if matches!(self.peek_at(1), Some(b'"' | b'#')) => {
                self.raw_string()?;
                Kind::Scalar
            }
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.pos += 1;
                self.string()?;
                Kind::Scalar
            }
            b if is_ident_start(b) => {
                self.ident()?;
                tag = self.text.get(start..self.pos);
                self.skip_trivia()?;
                if self.peek() == Some(b'(') { self.parens(depth)? } else { Kind::Scalar }
            }
            b if b == b'-' || b == b'+' || b == b'.' || b.is_ascii_digit() => {
                self.number();
                Kind::Scalar
            }
            _ => return None,
        };
        Some(SpanNode { span: start..self.pos, tag, kind })
    }

    /// `( ... )`: struct fields when the first thing inside is `name:`.
    fn parens(&mut self, depth: usize) -> Option<Kind<'a>> {
        let save = self.pos;
        self.pos += 1;
        self.skip_trivia()?;
        let is_struct = self.looks_like_field();
        self.pos = save;
        if is_struct { self.fields(depth) } else { Some(Kind::Items(self.items(b')', depth)?)) }
    }

    fn looks_like_field(&mut self) -> bool {
        let save = self.pos;
        let found = self.ident().is_some()
            && self.skip_trivia().is_some()
            && self.peek() == Some(b':')
            && self.peek_at(1) != Some(b':');
        self.pos = save;
        found
    }

    fn fields(&mut self, depth: usize) -> Option<Kind<'a>> {
        self.pos += 1; // (
        let mut fields = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek()? == b')' {
                self.pos += 1;
                return Some(Kind::Struct(fields));
            }
            let name_start = self.pos;
            self.ident()?;
            let name_span = name_start..self.pos;
            let name = self.text.get(name_span.clone())?;
            self.skip_trivia()?;
            self.expect(b':')?;
            self.skip_trivia()?;
            let value = self.value(depth + 1)?;
            fields.push(Field { name, name_span, value });
            self.separator(b')')?;
        }
    }

    fn items(&mut self, close: u8, depth: usize) -> Option<Vec<SpanNode<'a>>> {
        self.pos += 1; // ( or [
        let mut items = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek()? == close {
                self.pos += 1;
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            self.separator(close)?;
        }
    }

    fn map(&mut self, depth: usize) -> Option<Kind<'a>> {
        self.pos += 1; // {
        let mut entries = Vec::new();
        loop {
            self.skip_trivia()?;
            if self.peek()? == b'}' {
                self.pos += 1;
                return Some(Kind::Map(entries));
            }
            let key = self.value(depth + 1)?;
            self.skip_trivia()?;
            self.expect(b':')?;
            self.skip_trivia()?;
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            self.separator(b'}')?;
        }
    }

    /// After an item: a comma, or the closing bracket (left for the caller).
    fn separator(&mut self, close: u8) -> Option<()> {
        self.skip_trivia()?;
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Some(())
            }
            b if b == close => Some(()),
            _ => None,
        }
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    fn ident(&mut self) -> Option<()> {
        // Raw identifiers: r#name
        if self.peek() == Some(b'r') && self.peek_at(1) == Some(b'#') {
            self.pos += 2;
        }
        if !self.peek().is_some_and(is_ident_start) {
            return None;
        }
        while self.peek().is_some_and(is_ident_continue) {
            self.pos += 1;
        }
        Some(())
    }

    fn string(&mut self) -> Option<()> {
        self.pos += 1; // opening quote
        loop {
            // Prompts are long: jump to the next quote or backslash.
            self.pos += memchr::memchr2(b'"', b'\\', self.src.get(self.pos..)?)?;
            if self.peek()? == b'"' {
                self.pos += 1;
                return Some(());
            }
            self.pos += 2;
        }
    }

    fn char_lit(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'\'' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1; // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        self.expect(b'"')?;
        loop {
            if self.peek()? == b'"' && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                self.pos += 1 + hashes;
                return Some(());
            }
            self.pos += 1;
        }
    }

    fn number(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+')) {
            self.pos += 1;
        }
    }
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident_continue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text<'a>(src: &'a str, n: &SpanNode<'_>) -> &'a str {
        &src[n.span.clone()]
    }

    #[test]
    fn finds_fields_items_and_enum_payloads() {
        let src = r#"Scenario(id: "x", nodes: [(id: "a", on_timeout: Goto("b")), /* c */ (id: "c")])"#;
        let root = scan(src).expect("scans");
        assert_eq!(text(src, root.field("id").unwrap()), "\"x\"");
        let nodes = root.field("nodes").unwrap();
        let goto = nodes.item(0).unwrap().field("on_timeout").unwrap();
        assert_eq!(text(src, goto.item(0).unwrap()), "\"b\"");
        assert_eq!(text(src, nodes.item(1).unwrap().field("id").unwrap()), "\"c\"");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let src = r##"(a: "x)\"]", b: r#"raw ( "#, c: '\'', d: -1.5e3)"##;
        let root = scan(src).expect("scans");
        assert_eq!(text(src, root.field("d").unwrap()), "-1.5e3");
    }

    #[test]
    fn gives_up_on_deep_or_broken_input() {
        assert!(scan(&"[".repeat(100_000)).is_none());
        assert!(scan("(a: ").is_none());
        assert!(scan("\u{0}").is_none());
    }
}
