## hotseat progress and the progress screen
