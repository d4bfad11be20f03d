# hotseat's English messages. One message per thing said; variables in
# braces. docs/translating.md explains the format and how to add a language.

count-traps = { $n ->
    [one] { $n } trap
   *[other] { $n } traps
}
