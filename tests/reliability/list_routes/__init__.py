"""The world ``test_every_list_route`` walks: a production that every grower module
(``grow_*.py``) makes one row longer in each list it answers for, round after round."""
