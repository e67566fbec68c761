import pytest

from storyline.errors import SettingsError
from storyline.settings import Settings, load_settings, parse_assignments


def test_settings_later_layers_win(tmp_path):
    config = tmp_path / "s.toml"
    config.write_text('[storyline]\nbatch_size = 8\nmodel = "custom"\n')
    settings = load_settings(config, {"batch_size": "4"}, environ={"STORYLINE_MODEL": "fromenv"})
    assert settings.batch_size == 4  # --set beats the file
    assert settings.model == "fromenv"  # the environment beats the file
    assert Settings().batch_size == 32


def test_settings_unknown_key_names_the_known_ones():
    with pytest.raises(SettingsError, match="unknown setting 'batch'.*batch_size"):
        Settings().with_updates({"batch": 3})


def test_settings_wrong_type_is_an_error():
    with pytest.raises(SettingsError, match="batch_size must be int"):
        Settings().with_updates({"batch_size": "many"})


def test_settings_error_policy_is_checked():
    with pytest.raises(SettingsError, match="error_policy"):
        Settings().with_updates({"error_policy": "ignore"})


def test_settings_parse_assignments_rejects_missing_equals():
    assert parse_assignments(["a=1", "b = x"]) == {"a": "1", "b": "x"}
    with pytest.raises(SettingsError, match="key=value"):
        parse_assignments(["oops"])


def test_settings_missing_file_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_settings_environment_only_variables_are_not_settings():
    settings = load_settings(
        environ={"STORYLINE_DB": "x.duckdb", "STORYLINE_CACHE_DIR": "", "STORYLINE_BATCH_SIZE": "8"}
    )
    assert settings.batch_size == 8
