app_name = "qa"

urlpatterns = []
