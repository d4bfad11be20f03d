//! The debrief screen, shown when a session ends: the verdict and why,
//! competency bars, each trap with the words that triggered it, numeric
//! answers against the expected value, the timeline, talking points and
//! notes. Scrolls; `n`/`p` jump between traps; `e` saves it as Markdown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::common::{footer, header, mmss};
use crate::assess::debrief::{self, Debrief, Verdict, bar, fmt_num, shown};
use crate::i18n::Lang;
use crate::session::State;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme::Theme;

pub fn render(app: &App, s: &State, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [top, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(app.status.is_some())),
        Constraint::Length(1),
    ])
    .areas(area);
    let d = app.debrief(s);
    let l = d.lang;
    // One language on the screen: the header speaks the debrief's.
    header(theme, l, s, frame, top);
    let lines = wrapped(theme, &d, body.width.saturating_sub(2));
    let total = lines.len();
    let visible = usize::from(body.height.saturating_sub(2));
    let max_scroll = total.saturating_sub(visible);
    let scroll = usize::from(app.scroll).min(max_scroll);
    let more = if scroll < max_scroll { tr!(l, "tui-more") } else { String::new() };
    let block = Block::default().borders(Borders::ALL).title(format!(" {}{more} ", tr!(l, "tui-debrief")));
    let p = Paragraph::new(lines).scroll((scroll as u16, 0)).block(block);
    frame.render_widget(p, body);
    if max_scroll > 0 {
        super::session::scrollbar(frame, body, max_scroll, scroll);
    }
    if let Some(msg) = &app.status {
        frame.render_widget(Paragraph::new(format!(" {msg}")).style(theme.accent()), status);
    }
    // The way out and saving first: they must show on the narrowest screen.
    let mut hints = vec![("q", tr!(l, "tui-key-leave")), ("e", tr!(l, "tui-key-save"))];
    if !d.trap_groups.is_empty() {
        hints.push(("n/p", tr!(l, "tui-key-traps")));
    }
    hints.push(("↑↓ PgUp PgDn", tr!(l, "tui-key-scroll")));
    footer(theme, &hints, frame, keys);
}

/// The screen's rows: every line wrapped to `width` by the rules of its
/// script (Chinese coaching breaks between characters, never before `。`).
fn wrapped(theme: &Theme, d: &Debrief, width: u16) -> Vec<Line<'static>> {
    lines(theme, d).0.iter().flat_map(|l| super::common::wrap_line(l, width)).collect()
}

/// All the debrief's rows once wrapped to `width`.
pub fn total_rows(theme: &Theme, d: &Debrief, width: u16) -> usize {
    wrapped(theme, d, width).len()
}

/// Scroll offsets (in wrapped rows at `width`) of each trap's heading, for
/// `n`/`p`.
pub fn trap_offsets(theme: &Theme, d: &Debrief, width: u16) -> Vec<usize> {
    let (lines, anchors) = lines(theme, d);
    let mut offsets = Vec::with_capacity(anchors.len());
    let mut row = 0;
    for (i, l) in lines.iter().enumerate() {
        if anchors.contains(&i) {
            offsets.push(row);
        }
        row += super::common::wrap_line(l, width).len();
    }
    offsets
}

/// The debrief as lines, and the indices of the trap headings; text from
/// the scenario, the catalogue and the answers escaped visibly.
fn lines(theme: &Theme, d: &Debrief) -> (Vec<Line<'static>>, Vec<usize>) {
    let (mut out, anchors) = unescaped_lines(theme, d);
    super::common::escape_lines(&mut out);
    (out, anchors)
}

fn unescaped_lines(theme: &Theme, d: &Debrief) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut anchors = Vec::new();
    let l = d.lang;
    let heading = |t: String| Line::styled(t, theme.title().add_modifier(Modifier::UNDERLINED));
    let (band, style) = match d.verdict {
        Some(Verdict::StrongHire) => (tr!(l, "tui-band-strong-hire"), theme.ok()),
        Some(Verdict::Hire) => (tr!(l, "tui-band-hire"), theme.ok()),
        Some(Verdict::LeanNo) => (tr!(l, "tui-band-lean-no"), theme.warn()),
        Some(Verdict::No) => (tr!(l, "tui-band-no"), theme.danger()),
        None => (tr!(l, "tui-band-none"), theme.dim()),
    };
    let score = d.score.map(|s| format!("  {s}/100")).unwrap_or_default();
    out.push(Line::from(vec![
        Span::raw(tr!(l, "tui-verdict")),
        Span::styled(band, style.add_modifier(Modifier::BOLD)),
        Span::raw(score),
    ]));
    if let Some(remark) = &d.remark {
        out.push(Line::from(""));
        let how = d.early.clone().unwrap_or_else(|| tr!(l, "tui-closing-words"));
        out.push(label_line(theme, l, &tr!(l, "tui-how-ended"), &how));
        out.push(Line::styled(format!("  “{}”", flat(remark)), theme.accent()));
        out.push(Line::from(""));
    }
    out.extend(d.reasons.iter().map(|r| Line::from(format!("  • {r}"))));
    if !d.why.is_empty() {
        out.push(Line::from(""));
        out.push(heading(tr!(l, "debrief-h-why")));
        for c in &d.why {
            out.push(Line::from(format!("  • {}", debrief::contribution(c, l))));
        }
    }
    if !d.competencies.is_empty() {
        out.push(Line::from(""));
        out.push(heading(tr!(l, "debrief-h-competencies")));
        for c in &d.competencies {
            let st = if c.score >= 70 {
                theme.ok()
            } else if c.score >= 50 {
                theme.warn()
            } else {
                theme.danger()
            };
            out.push(Line::from(vec![
                Span::raw(format!("  {}", crate::text::pad(&crate::assess::debrief::competency_name(&c.name, l), 18))),
                Span::styled(bar(c.score, 20), st),
                Span::raw(format!(" {:>3}", c.score)),
            ]));
        }
    }
    out.push(Line::from(""));
    out.push(heading(tr!(l, "debrief-h-traps", count = debrief::count_label(d))));
    if d.trap_groups.is_empty() {
        out.push(Line::styled(format!("  {}", tr!(l, "debrief-no-traps")), theme.ok()));
    }
    for (i, g) in d.trap_groups.iter().enumerate() {
        out.push(Line::from(""));
        anchors.push(out.len());
        out.push(Line::styled(format!("{}. {} ({})", i + 1, g.title, g.id), theme.warn().add_modifier(Modifier::BOLD)));
        if !g.why.is_empty() {
            out.push(label_line(theme, l, &tr!(l, "tui-why-hurts"), &g.why));
            out.push(label_line(theme, l, &tr!(l, "tui-instead"), &g.instead));
        }
        for &at in &g.occurrences {
            let Some(t) = d.traps.get(at) else { continue };
            out.push(label_line(
                theme,
                l,
                &tr!(l, "tui-where"),
                &tr!(l, "tui-where-at", node = shown(d, &t.node).as_ref(), question = flat(&t.question)),
            ));
            out.push(said(theme, l, &t.answer, &t.evidence));
            if let Some(m) = &t.model_answer {
                out.push(label_line(theme, l, &tr!(l, "tui-model-answer"), &flat(m)));
            }
        }
        if !g.example.is_empty() {
            out.push(label_line(theme, l, &tr!(l, "tui-example"), &g.example));
        }
    }
    if !d.numeric.is_empty() {
        out.push(Line::from(""));
        out.push(heading(tr!(l, "debrief-h-numbers")));
        for n in &d.numeric {
            let st = match (n.correct, n.close) {
                (true, _) => theme.ok(),
                (false, true) => theme.warn(),
                (false, false) => theme.danger(),
            };
            let given = tr!(
                l,
                "tui-numeric",
                node = shown(d, &n.node).as_ref(),
                expected = fmt_num(n.expected),
                unit = n.unit.as_str(),
                given = n.given_text_in(l)
            );
            out.push(Line::from(vec![Span::raw(format!("  {given} ")), Span::styled(n.mark_in(l), st)]));
            out.push(Line::styled(format!("    {}", flat(&n.solution)), theme.dim()));
        }
    }
    out.push(Line::from(""));
    out.push(heading(tr!(l, "debrief-h-timeline")));
    for (i, r) in d.timeline.iter().enumerate() {
        let limit = r.limit_ms.map_or_else(|| tr!(l, "tui-untimed"), mmss);
        let flag = if r.over_time {
            Span::styled(format!(" {}", tr!(l, "tui-over-time")), theme.danger())
        } else {
            Span::styled(format!(" {}", debrief::exit_name(r.exit, l)), theme.dim())
        };
        out.push(Line::from(vec![
            Span::raw(format!("  {:>2}. {:<24} {} / {limit}", i + 1, shown(d, &r.node), mmss(r.spent_ms))),
            flag,
        ]));
    }
    if !d.points.is_empty() {
        out.push(Line::from(""));
        out.push(heading(tr!(l, "debrief-h-points")));
        for p in &d.points {
            let covered = debrief::list_or_none(&p.covered, l);
            out.push(Line::from(format!(
                "  {}",
                tr!(l, "tui-covered", node = shown(d, &p.node).as_ref(), covered = covered)
            )));
            if !p.missed.is_empty() {
                let missed = debrief::list_or_none(&p.missed, l);
                out.push(Line::styled(format!("    {}", tr!(l, "tui-missed", missed = missed)), theme.warn()));
            }
        }
    }
    out.push(Line::from(""));
    out.push(heading(tr!(l, "debrief-h-notes")));
    if d.notes.trim().is_empty() {
        out.push(Line::styled(format!("  {}", tr!(l, "debrief-notes-none")), theme.dim()));
    } else {
        out.extend(d.notes.lines().map(|l| Line::from(format!("  {l}"))));
    }
    (out, anchors)
}

/// "  Label: text", the label dimmed and punctuated as `lang` does.
fn label_line(theme: &Theme, lang: Lang, label: &str, text: &str) -> Line<'static> {
    Line::from(vec![Span::styled(tr!(lang, "tui-label", label = label), theme.dim()), Span::raw(text.to_string())])
}

/// "You said", with the trigger words highlighted (reversed, so it shows
/// without colour too).
fn said(theme: &Theme, lang: Lang, text: &str, evidence: &[std::ops::Range<usize>]) -> Line<'static> {
    let mut spans = vec![Span::styled(tr!(lang, "tui-label", label = tr!(lang, "tui-you-said")), theme.dim())];
    let hot = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    let text = text.replace('\n', " ");
    let mut at = 0;
    for r in evidence {
        if r.start < at || r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        spans.push(Span::raw(text[at..r.start].to_string()));
        spans.push(Span::styled(text[r.clone()].to_string(), hot));
        at = r.end;
    }
    spans.push(Span::raw(text[at..].to_string()));
    Line::from(spans)
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
