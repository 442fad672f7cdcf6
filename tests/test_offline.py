"""No request leaves the machine: every request the page makes goes to the app's own host."""

import json
import time
from urllib.parse import urlparse

from selenium import webdriver

from conftest import chromium_options


def test_every_browser_request_stays_on_the_app_host(dash_thread_server):
    from app import app

    dash_thread_server(app)
    options = chromium_options()
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(dash_thread_server.url + "/?preset=demo")
        deadline = time.time() + 90
        while not driver.execute_script(
                "const s = document.querySelector('#globe-status'); return s && s.innerText.startsWith('ready')"):
            assert time.time() < deadline, "the globe never became ready"
            time.sleep(0.5)
        time.sleep(3)  # let imagery tiles load
        requests = []
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
    finally:
        driver.quit()
    app_host = urlparse(dash_thread_server.url).netloc
    hosts = {urlparse(url).netloc for url in requests if url.startswith("http")}
    assert any("/cesium/Assets/Textures/NaturalEarthII" in url for url in requests)
    assert hosts == {app_host}, f"requests left the app's host: {sorted(hosts - {app_host})}"
