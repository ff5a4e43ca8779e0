"""Files: what a production stores beside its tracking data, with Zou 1.0.97's tables,
routes and answers.

Provides softwares, output types, file statuses, working files (revisions of a task's work
files, their content uploaded and downloaded), output files (published revisions of an
entity or of an asset instance in a shot or scene), attachment files of comments, preview
files (pictures with thumbnails made by Pillow, movies and other media stored as they are),
preview background files (and the ones projects and templates offer), and the avatars of
persons, projects and the organisation: their generic routes and Zou's file, revision,
preview, download and avatar routes. Answers the ``tasks`` plugin's hooks for the files of comments and for the
rows that disappear with tasks, comments and entities.

Bytes go through the ``files_storage`` hook this plugin publishes (local disk by default),
written under a temporary name and renamed when the request's transaction commits; the
paths of new working and output files come from the ``file_path`` hook (the file-tree
plugin), else from the client.
"""

REQUIRES = ("persons", "entities", "tasks")
