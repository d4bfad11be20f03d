fn main() {
    let p = std::env::args().nth(1).unwrap();
    let s = std::fs::read_to_string(&p).unwrap();
    let o = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let r: Result<hotseat::scenario::Scenario, _> = o.from_str(&s);
    match r {
        Ok(v) => println!("ok {} nodes", v.nodes.len()),
        Err(e) => println!("{e}"),
    }
}
