fn main() {
    let p = std::env::args().nth(1).unwrap_or_else(|| "assets/traps.ron".into());
    let s = std::fs::read_to_string(&p).unwrap();
    let o = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let r: Result<hotseat::traps::Catalogue, _> = o.from_str(&s);
    match r {
        Ok(c) => println!("ok {} traps: {}", c.traps.len(), c.ids().collect::<Vec<_>>().join(", ")),
        Err(e) => println!("{e}"),
    }
}
