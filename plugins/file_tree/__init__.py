"""File trees: the folder and file names of working and output files, built from the
project's file-tree template exactly as Zou 1.0.97 builds them.

Provides the templates shipped in ``config/file_trees`` (Zou's ``default`` and ``simple``,
and any a studio drops in the folder of ``[plugins.file_tree] folder``), Zou 1.0.67's
``POST /actions/projects/{id}/set-file-tree``, the checking of a tree sent with
``PUT /data/projects/{id}`` (through the entities plugin's ``project_checking`` hook), and
Zou's path routes (``/data/tasks/{id}/working-file-path``,
``/data/entities/{id}/output-file-path``,
``/data/asset-instances/{id}/entities/{id}/output-file-path``). Answers the files plugin's
``file_path`` hook so that new working and output files get their path from the tree, and
publishes ``file_tree_variables`` for studio plugins adding template variables.
"""

REQUIRES = ("persons", "entities", "tasks", "files")
