import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"


def test_defaults_without_anything_set() -> None:
    settings = load_settings({})
    assert settings.token is None
    assert settings.timezone.key == "Asia/Ho_Chi_Minh"
    assert str(settings.db_path) == "data/troly.sqlite3"


def test_the_token_never_shows_in_repr() -> None:
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.token == TOKEN
    assert TOKEN not in repr(settings) and TOKEN.split(":")[1] not in str(settings)


@pytest.mark.parametrize(("env", "names"), [
    ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
    ({"TELEGRAM_API_BASE_URL": "127.0.0.1:8081"}, "TELEGRAM_API_BASE_URL"),
    ({"TROLY_TIMEZONE": "Mars/Olympus"}, "TROLY_TIMEZONE"),
    ({"TROLY_ADMIN_IDS": "12, abc"}, "TROLY_ADMIN_IDS"),
    ({"TROLY_PROVINCE": "atlantis"}, "TROLY_PROVINCE"),
    ({"TROLY_APPROVAL_ROUTING": "random"}, "TROLY_APPROVAL_ROUTING"),
])
def test_a_malformed_setting_is_named_in_one_line(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    message = str(caught.value)
    assert names in message and "\n" not in message


def test_admin_ids_and_base_url() -> None:
    settings = load_settings({"TROLY_ADMIN_IDS": "12, 34 56",
                              "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot"})
    assert settings.admin_ids == {12, 34, 56}
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
