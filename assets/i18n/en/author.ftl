# What 'check', 'playtest', 'graph', 'new' and 'stats' tell a scenario author.
