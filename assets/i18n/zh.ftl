# hotseat 的中文界面文字。每条消息一个 id；花括号里是变量。
# 新增语言的方法见 docs/translating.md。

count-traps = { $n } 个陷阱
